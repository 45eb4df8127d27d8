/** Case photos: upload (type by content, size-limited, upright, EXIF stripped, thumbnail), attach, serve.
 *  The case module attaches photos in its transaction and supplies `canViewCase`, which guards every download,
 *  and `joinCase` for the public photo check (docs/decisions/0008-join-helpers.md). */
export {
  createPhotoService,
  photoView,
  type PhotoFile,
  type PhotoPhase,
  type PhotoService,
  type PhotoServiceDeps,
  type PhotoVariant,
} from './photo.service.ts';
export { registerPhotoRoutes, uploadedPhoto } from './photo.routes.ts';
export { MAX_PHOTO_BYTES } from './photo.errors.ts';
export { publicPhotosOfCases } from './photo.repository.ts';
