import { Type, type Static } from 'typebox';

/** The steps whose after-photos a tenant may require or waive per matter class (docs/standards.md, "After-photos"). */
export const PHOTO_STEPS = ['report_back', 'check_pass'] as const;
export type PhotoStep = (typeof PHOTO_STEPS)[number];

const ClassRule = Type.Object({
  majorCode: Type.String({ pattern: '^[0-9]{2}$', description: '事项大类 (01–10)' }),
  /** 处置反馈 needs the handler's after-photos */
  reportBack: Type.Boolean(),
  /** 核查通过 needs the inspector's check photos */
  checkPass: Type.Boolean(),
});

/** Setting `case.afterPhotos`: one row per matter class; a class not listed requires photos at both steps. */
export const AfterPhotoRules = Type.Object({ classes: Type.Array(ClassRule, { maxItems: 20 }) });
export type AfterPhotoRules = Static<typeof AfterPhotoRules>;
