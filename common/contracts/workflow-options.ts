import { Type, type Static } from 'typebox';
import { CASE_CHANNELS } from '../domain/case-channels.ts';
import { CHECK_BY, VERIFY_MODES } from '../domain/workflow-options.ts';
import { Literals } from './common.ts';

/** The steps whose photos a tenant requires per matter class (docs/workflow-options.md, "Photos"). */
export const WORKFLOW_PHOTO_STEPS = ['verify', 'report_back', 'check_pass', 'self_handle'] as const;
export type WorkflowPhotoStep = (typeof WORKFLOW_PHOTO_STEPS)[number];

const Codes = Type.Array(
  Type.String({ pattern: '^([0-9]{2}|[0-9]{5})$', description: '事项大类 (2 digits) or 事项小类 (5 digits)' }),
  { maxItems: 500, uniqueItems: true },
);

const PhotoRule = Type.Object({
  majorCode: Type.String({ pattern: '^[0-9]{2}$', description: '事项大类 (01–10)' }),
  /** 核实 needs the inspector's on-site photo */
  verify: Type.Boolean(),
  /** 处置反馈 needs the handler's after-photos */
  reportBack: Type.Boolean(),
  /** 核查通过 needs the inspector's check photos */
  checkPass: Type.Boolean(),
  /** 自行处置 needs the inspector's after-photo */
  selfHandle: Type.Boolean(),
});
export type PhotoRule = Static<typeof PhotoRule>;

/** A tenant's workflow options: settings `case.workflow` and `case.afterPhotos` (the photo rules), edited together. */
export const WorkflowOptionsBody = Type.Object({
  verification: Type.Object(
    Object.fromEntries(CASE_CHANNELS.map((c) => [c, Literals([...VERIFY_MODES])])) as Record<
      (typeof CASE_CHANNELS)[number],
      ReturnType<typeof Literals<[...typeof VERIFY_MODES]>>
    >,
    { additionalProperties: false },
  ),
  dispatchOnAccept: Codes,
  /** null: 自行处置 for every matter */
  selfHandle: Type.Union([Codes, Type.Null()]),
  checkBy: Literals([...CHECK_BY]),
  photos: Type.Array(PhotoRule, { maxItems: 20 }),
});
export type WorkflowOptionsBody = Static<typeof WorkflowOptionsBody>;
