import type { zhFrontagePublic } from '../zh-CN/frontage-public.ts';

/** Frontage responsibility on the citizen page: the red and black lists and the experience-post sign-up. */
export const enFrontagePublic: typeof zhFrontagePublic = {
  frontagePublic: {
    tab: 'Shopfronts',
    title: 'Frontage red and black lists',
    intro:
      'Each month the best shops (red list) and those that must improve (black list) are published from the frontage inspections.',
    month: 'Lists of {month}',
    red: 'Red list',
    black: 'Black list',
    none: 'No lists published yet',
    emptyList: 'None this month',
    signUpTitle: 'Join the city-management experience post',
    signUpIntro:
      'Spend a day with city management. Your phone number is only used to arrange shifts and is never published.',
    name: 'Name',
    phone: 'Mobile number',
    note: 'Note (optional, e.g. when you are free)',
    submit: 'Sign up',
    done: 'Signed up: number {no}. Staff will call you to arrange a shift.',
    phoneInvalid: 'Enter an 11-digit mobile number',
    required: 'Required',
  },
};
