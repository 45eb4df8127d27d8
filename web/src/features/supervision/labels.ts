import type { SupervisionOrder } from './supervision.api.ts';

export const LEVEL_COLORS = { general: 'blue', key: 'orange', listed: 'red' } as const;

/** 已超期 wins over 待回复 while an order is open past a deadline. */
export const statusOf = (o: Pick<SupervisionOrder, 'status' | 'overdue'>) =>
  o.status === 'open' && o.overdue ? 'overdue' : o.status;

export const STATUS_COLORS = { open: 'processing', replied: 'success', overdue: 'error' } as const;
