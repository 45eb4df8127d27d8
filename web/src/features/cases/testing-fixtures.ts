/** A case as the server describes it, for component tests (not shipped: only *.test.tsx import this file). */
import type { CaseDetail } from './cases.api.ts';

export function fakeCase(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'c1', caseNo: '420281-20240312-00017', status: 'pending_filing', channel: 'inspector', matterCode: '06001',
    matterName: '暴露垃圾', description: '路边堆放生活垃圾', address: '东风路 12 号', lng: 114.97, lat: 30.09,
    gridCode: null, streetName: '东岳路街道', communityName: null, unitId: null, unitName: null,
    reportedAt: '2024-03-12T01:00:00.000Z', stepDeadline: '2024-03-12T03:00:00.000Z', handlingDeadline: null, overdue: false,
    escalated: false, pendingRequest: null, sla: { level: 'green', deadline: '2024-03-12T03:00:00.000Z', usedRatio: 0.2 }, version: 3,
    componentCode: null, reporterName: null, reporterPhone: null, filingConditionId: null, filingCondition: null, handlingLimit: null,
    handlerId: null, handlerName: null, taskUserId: null, taskUserName: null, parentId: null, mergedCount: 0, extensionCount: 0,
    reworkCount: 0, suspendedUntil: null, closeType: null, voidReason: null, closedAt: null, suggestedUnitId: null,
    allowedActions: [], timeline: [], photos: [],
    ...overrides,
  };
}
