import type { zhNotices } from '../zh-CN/notices.ts';

/** Staff notices on the desk and their admin page. */
export const enNotices: typeof zhNotices = {
  notices: {
    nav: 'Staff notices',
    board: 'Notices',
    unread: '{n} unread',
    none: 'No notices',
    markRead: 'Mark as read',
    read: 'Read',
    new: 'New',
    from: '{name} · {at}',
    manage: {
      title: 'Staff notices',
      create: 'Publish a notice',
      edit: 'Edit notice',
      remove: 'Withdraw',
      removeConfirm: 'Nobody will see this notice any more. Withdraw it?',
      removed: 'Withdrawn',
      saved: 'Saved',
      columns: {
        title: 'Title',
        audience: 'Audience',
        window: 'Shown',
        readCount: 'Read by',
        createdBy: 'Published by',
      },
      everyone: 'Everyone',
      noEnd: 'no end',
      state: { upcoming: 'Upcoming', live: 'Showing', ended: 'Ended' },
      form: {
        title: 'Title',
        body: 'Text',
        roles: 'Roles',
        rolesHint: 'None chosen: every role sees it',
        unit: 'Unit',
        unitHint: 'None chosen: every unit sees it',
        window: 'Shown',
        windowHint: 'No start: from now; no end: until withdrawn',
      },
    },
  },
};
