import { useNavigate } from 'react-router-dom';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { Tag } from '../../phone/ui/feedback.tsx';
import { Icon } from '../../phone/ui/icons.tsx';
import type { CaseSummary } from '../api/h5.api.ts';

/** One task in a list: what, where, the case number and the step's deadline; opens the task. */
export function TaskRow({ task }: { task: CaseSummary }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const open = () => navigate(`/h5/tasks/${task.id}`);
  return (
    <li>
      <button
        type="button"
        className="phone-section h5-section h5-task-row"
        onClick={open}
        data-testid={`h5-task-item-${task.id}`}
      >
        <span className="h5-task-row-text">
          <span className="h5-task-row-title">{task.matterName ?? task.matterCode}</span>
          <span className="ph-clamp-1">{task.address || task.description}</span>
          <span className="ph-muted">
            {task.caseNo}
            {task.stepDeadline ? ` · ${t('h5.tasks.due', { time: formatInstant(task.stepDeadline) })}` : ''}
          </span>
        </span>
        {task.overdue ? <Tag color="red">{t('h5.tasks.overdue')}</Tag> : null}
        <Icon name="right" className="h5-chevron" />
      </button>
    </li>
  );
}
