import type { zhParticipation } from '../zh-CN/participation.ts';

/** Citizen participation: nearby reports with "me too", the public map and list, update subscriptions. */
export const enParticipation: typeof zhParticipation = {
  participation: {
    nearby: {
      title: '{count} similar reports nearby are being handled',
      hint: 'If it is the same problem, tap "Me too" instead of reporting it again.',
      distance: 'about {m} m',
      supporters: '{count} affected',
      support: 'Me too',
      supported: 'Recorded: {count} people affected',
      already: 'You have already said this affects you',
    },
    reports: {
      tab: 'Nearby',
      title: 'Public reports',
      intro: 'Problems citizens reported and their status (no reporter details; locations to about 100 m).',
      open: 'Open',
      all: 'All',
      list: 'List',
      map: 'Map',
      more: 'Load more',
      empty: 'No public reports yet',
      reportedAt: 'Reported {time}',
    },
    subscribe: {
      title: 'Get progress updates',
      hint: 'We tell you when the status changes; every message has an unsubscribe link.',
      sms: 'SMS',
      wechat: 'WeChat',
      phone: 'Mobile number',
      openid: 'WeChat OpenID',
      submit: 'Subscribe',
      done: 'Subscribed: you will hear when the status changes',
      unavailable: 'This city has not set up notifications yet, so you cannot subscribe; check this page for progress.',
      channelUnavailable: 'This city has not set up {channel} notifications',
      phoneInvalid: 'Enter an 11-digit mobile number',
    },
    unsubscribe: {
      title: 'Unsubscribe from updates',
      working: 'Unsubscribing…',
      done: 'Unsubscribed: you will get no more updates about this case.',
    },
    staff: { supporters: '{count} citizens said this affects them too' },
  },
};
