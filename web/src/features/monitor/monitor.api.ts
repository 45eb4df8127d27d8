import type {
  DutyState,
  InspectorChoice,
  InspectorDay,
  InspectorDayList,
  LastPosition,
  PositionBatch,
  PositionReceipt,
  RosterBody,
  RosterEntry,
  TrackView,
} from '../../../../common/contracts/monitor.ts';
import { api } from '../../api/client.ts';

export type { DutyState, InspectorChoice, InspectorDay, InspectorDayList, LastPosition, RosterEntry, TrackView };

const enc = (value: string) => encodeURIComponent(value);
const BASE = '/api/monitor';

/** 监督员管理 (docs/monitor.md); every read of positions is audited on the server. */
export const monitorApi = {
  board: (day: string | undefined, signal?: AbortSignal) =>
    api.get<InspectorDayList>(`${BASE}/board`, { query: { day }, signal }),
  track: (inspectorId: string, day: string | undefined, signal?: AbortSignal) =>
    api.get<TrackView>(`${BASE}/inspectors/${enc(inspectorId)}/track`, { query: { day }, signal }),
  setGrids: (inspectorId: string, gridCodes: string[]) =>
    api.put<InspectorDay>(`${BASE}/inspectors/${enc(inspectorId)}/grids`, { gridCodes }),
  lastPositions: (signal?: AbortSignal) => api.get<LastPosition[]>(`${BASE}/positions/last`, { signal }),
  roster: (from: string, to: string, signal?: AbortSignal) =>
    api.get<RosterEntry[]>(`${BASE}/roster`, { query: { from, to }, signal }),
  setRoster: (body: RosterBody) => api.put<{ shifts: number }>(`${BASE}/roster`, body),
  deleteShift: (inspectorId: string, day: string) =>
    api.delete<{ ok: boolean }>(`${BASE}/inspectors/${enc(inspectorId)}/shifts/${enc(day)}`),
  me: (signal?: AbortSignal) => api.get<DutyState>(`${BASE}/me`, { signal }),
  report: (body: PositionBatch) => api.post<PositionReceipt>(`${BASE}/positions`, body),
  /** the 发核实/发核查 picker: on duty first, nearest to the case */
  choices: (caseId: string | undefined, signal?: AbortSignal) =>
    api.get<InspectorChoice[]>('/api/cases/inspectors', { query: { caseId }, signal }),
};
