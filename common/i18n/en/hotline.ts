import type { zhHotline } from '../zh-CN/hotline.ts';

/** Hotline work orders: 12345 hotline / Minqingtong / Sunshine Petition (sign, return, convert, reply, revisit). */
export const enHotline: typeof zhHotline = {
  hotline: {
    nav: 'Hotline orders',
    title: 'Hotline work orders',
    source: { '12345': '12345 hotline', minqingtong: 'Minqingtong', petition: 'Sunshine Petition' },
    status: { pending_sign: 'To sign', signed: 'Signed', converted: 'Case opened', replied: 'Replied', closed: 'Revisited', returned: 'Returned' },
    urgency: { normal: 'Normal', urgent: 'Urgent', emergency: 'Emergency' },
    satisfaction: { satisfied: 'Satisfied', basically_satisfied: 'Fairly satisfied', unsatisfied: 'Unsatisfied' },
    via: { webhook: 'Webhook', import: 'Import' },
    action: {
      receive: 'Received', import: 'Imported', sign: 'Signed', return: 'Returned', convert: 'Converted to case', reply: 'Reply sent', revisit: 'Revisit', reopen: 'Unsatisfied: reopened',
    },
    field: {
      externalNo: 'Order no.', source: 'Source', status: 'Status', urgency: 'Urgency', requester: 'Requester', phone: 'Phone',
      content: 'Request', address: 'Address', receivedAt: 'Received', signDeadline: 'Sign by', signedAt: 'Signed at', dueAt: 'Due',
      caseNo: 'Case no.', satisfaction: 'Revisit satisfaction', returnReason: 'Return reason', reply: 'Reply', revisitNote: 'Revisit note',
      receivedVia: 'Received via', signedBy: 'Signed by', push: 'Push-back', events: 'History', matter: 'Matter', location: 'Location (click the map)',
      description: 'Case description',
    },
    filters: { source: 'All sources', status: 'All statuses', overdue: 'Overdue only' },
    searchPlaceholder: 'Order no., request or address',
    overdue: 'Overdue',
    signOverdue: 'Signed late',
    push: { pending: 'Queued (outbox)', sent: 'Sent' },
    import: {
      button: 'Import orders', title: 'Import hotline orders', source: 'Source', drop: 'Click or drop an xlsx / CSV file', template: 'Download template',
      hint: 'First row: the template’s column headers (order no., requester, phone, request, address, due, urgency). If any row is wrong, nothing is imported.',
      submit: 'Import', chooseFile: 'Choose a file first', done: '{imported, plural, one {# order} other {# orders}} imported', skipped: '{count, plural, one {# order already registered was} other {# orders already registered were}} skipped',
      errorsTitle: '{count, plural, one {# problem} other {# problems}}, nothing imported', row: 'Row', column: 'Column', problem: 'Problem',
    },
    drawer: {
      title: 'Order {no}', sign: 'Sign', return: 'Return', convert: 'Convert to case', reply: 'Reply', revisit: 'Record revisit',
      returnReason: 'Reason (sent back to the hotline)', returnPlaceholder: 'e.g. not urban management: the power company is responsible', convertHint: 'Pick the matter and click the location on the map to open a case (source and order no. are kept).',
      pickPoint: 'Click the map to pick the location', replyHint: 'Drafted from the case history; edit it before sending it back.', pushReply: 'Send reply',
      caseLink: 'Open case', caseOpen: 'Case in progress ({status}); reply once it is closed', done: 'Done', noActions: 'No actions available', reopen: 'Unsatisfied: handle again (the case goes back to dispatch)',
    },
    sources: {
      button: 'Webhook secrets', title: 'Hotline webhook secrets', hint: 'The hotline system sends orders with POST {url} and the header Authorization: Bearer <secret>; an Idempotency-Key may be added.',
      state: 'State', on: 'Enabled (…{hint})', off: 'Disabled', updatedAt: 'Updated', create: 'Create secret', rotate: 'Replace secret', remove: 'Disable',
      removeConfirm: 'Pushes from this source will be refused. Continue?', created: 'New secret for {source} (shown only now: configure it in their system)',
    },
    errors: {
      HOTLINE_TRANSITION_NOT_ALLOWED: 'Not allowed in the order’s current status', HOTLINE_STALE: 'Someone else updated the order; reload and try again',
      HOTLINE_CASE_NOT_CLOSED: 'The case is not closed yet', HOTLINE_IMPORT_INVALID: 'The file has errors', HOTLINE_SHEET_INVALID: 'The file cannot be read',
      HOTLINE_INVALID: 'Invalid input', HOTLINE_WEBHOOK_UNAUTHORIZED: 'Invalid webhook secret',
    },
  },
};
