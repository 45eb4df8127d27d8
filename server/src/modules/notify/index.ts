/** Message gateway for citizen notices: the outbox dispatcher with retries, a log gateway by default and
 *  an HTTP SMS gateway by configuration. Other modules add notices with `enqueue` inside their transaction. */
export {
  createNotifyService,
  NOTICE_KINDS,
  noticeText,
  type DispatchResult,
  type NotifyService,
} from './notify.service.ts';
export {
  createHttpGateway,
  createLogGateway,
  type MessageGateway,
  type NoticeLog,
  type OutgoingNotice,
} from './notify-gateway.ts';
export { enqueueNotice, enqueueNotices, type OutboxNotice } from './notify-outbox.ts';
