import { Tag } from 'antd';
import type { CaseSupporters } from '../../../../common/contracts/participation.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';

/** How many citizens said "我也遇到" on the case (shown only when some did): a hint of how many people it affects. */
export function SupportersTag({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const count = useResource(
    (signal) => api.get<CaseSupporters>(`/api/cases/${encodeURIComponent(caseId)}/supporters`, { signal }),
    [caseId],
  ).data?.supporters;
  if (!count) return null;
  return (
    <Tag color="purple" data-testid="case-supporters">
      {t('participation.staff.supporters', { count })}
    </Tag>
  );
}
