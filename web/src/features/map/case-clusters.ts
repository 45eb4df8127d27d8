/**
 * Screen-grid clustering of the case layer (pure, unit-tested): points projected to pixels at the current zoom fall
 * into square cells; a cell of one is that case, a cell of many a disc at the members' mean position, coloured by
 * its most urgent member. The server bounds how many points arrive, so this runs on a few thousand at most.
 */
import type { SlaLevel } from '../../../../common/domain/case-channels.ts';

export interface ClusterPoint {
  lng: number;
  lat: number;
  sla: string;
}
export interface CaseCluster<P extends ClusterPoint> {
  lng: number;
  lat: number;
  members: P[];
  /** the most urgent SLA level among the members */
  sla: SlaLevel;
}

/** Most urgent first: a cluster holding one overdue case is red. */
const URGENCY: readonly SlaLevel[] = ['red', 'yellow', 'green', 'paused', 'none'];
export const CASE_CLUSTER_PX = 56;

export function worstSla(levels: readonly string[]): SlaLevel {
  for (const level of URGENCY) if (levels.includes(level)) return level;
  return 'none';
}

export function clusterCases<P extends ClusterPoint>(
  points: readonly P[],
  project: (p: P) => { x: number; y: number },
  cellPx = CASE_CLUSTER_PX,
): CaseCluster<P>[] {
  const cells = new Map<string, P[]>();
  for (const p of points) {
    const { x, y } = project(p);
    const key = `${Math.floor(x / cellPx)}:${Math.floor(y / cellPx)}`;
    const cell = cells.get(key);
    if (cell) cell.push(p);
    else cells.set(key, [p]);
  }
  return [...cells.values()].map((members) => ({
    lng: members.reduce((s, m) => s + m.lng, 0) / members.length,
    lat: members.reduce((s, m) => s + m.lat, 0) / members.length,
    members,
    sla: worstSla(members.map((m) => m.sla)),
  }));
}
