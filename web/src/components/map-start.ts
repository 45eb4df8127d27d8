/**
 * Where a map starts before it knows anything: the middle of China, zoomed out. Every map then moves onto the
 * city's own extent (its outline or street layer, or the centre in the public info), so no city is built in.
 */
export const NOWHERE = { lat: 35, lng: 105 };
