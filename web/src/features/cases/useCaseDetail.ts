import { useResource } from '../../api/use-resource.ts';
import { casesApi } from './cases.api.ts';
import { useLiveCases } from './useLiveCases.ts';

/** One case, loaded and kept fresh: reloaded when a live event names it (someone else acted on it). */
export function useCaseDetail(id: string) {
  const {
    data: detail,
    setData: setDetail,
    error,
    loading,
    reload,
  } = useResource((signal) => casesApi.get(id, signal), [id], { resetOnChange: true });
  const live = useLiveCases((events) => {
    if (events.some((e) => e.id === id)) reload();
  });
  return { detail, setDetail, error, loading, reload, live };
}
