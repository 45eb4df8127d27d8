import type { PublicPublicationList, VolunteerSignUp } from '../../../../common/contracts/frontage.ts';
import { publicCall as call } from '../api/public.api.ts';

/** The published red and black lists and the 城管体验岗 sign-up (both public). */
export const frontageApi = {
  lists: (signal?: AbortSignal) => call<PublicPublicationList>('GET', '/api/public/frontage/lists', { signal }),
  signUp: (body: VolunteerSignUp) =>
    call<{ volunteerNo: string }>('POST', '/api/public/frontage/volunteers', { json: body }),
};
