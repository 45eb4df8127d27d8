/** 城市之眼 (docs/vision.md): cameras and drones post signed events; above a class's threshold an event becomes a
 *  case pending 核实 (or joins an open case nearby), confirmed or rejected on the review desk; false-positive rates
 *  per source and class; drone missions. */
export { createVision, type Vision, type VisionDeps } from './vision.module.ts';
export { registerVisionRoutes } from './vision.routes.ts';
export { registerVisionWebhook } from './vision-webhook.routes.ts';
/** For a simulator or a vendor's test tool: the signature a source sends (docs/vision.md, "Signing"). */
export { signEvent } from './vision-intake.ts';
