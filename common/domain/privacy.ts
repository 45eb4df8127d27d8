/** Personal data is masked in lists and logs (brief: security). Full values are shown only on detail views to those allowed. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 18-digit resident ID: keep the first 6 (region) and last 4. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;

/** Mobile numbers and 18-digit resident ID numbers inside free text (URLs, error messages) masked for logs. */
export function maskPersonalText(text: string): string {
  return text.replace(ID_IN_TEXT, '$1********$2').replace(MOBILE_IN_TEXT, '$1****$2');
}
