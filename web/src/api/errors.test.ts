import { describe, expect, it } from 'vitest';
import { ApiError, errorText, fieldErrorsOf, toFormFieldErrors, toFormPath } from './errors.ts';

const validation = (details: unknown) =>
  new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: '提交的数据有误', details, requestId: 'r1' });

describe('toFormPath', () => {
  it('strips the body prefix and turns indexes into numbers', () => {
    expect(toFormPath('body.username')).toEqual(['username']);
    expect(toFormPath('body.grants.0.unitId')).toEqual(['grants', 0, 'unitId']);
    expect(toFormPath('/body/grants/1/role')).toEqual(['grants', 1, 'role']);
  });

  it('ignores fields outside the body and the body as a whole', () => {
    expect(toFormPath('querystring.page')).toBeNull();
    expect(toFormPath('body')).toBeNull();
  });
});

describe('toFormFieldErrors', () => {
  it('maps each detail onto its antd field, merging messages of one field', () => {
    const error = validation([
      { field: 'body.username', message: 'must match pattern', rule: 'pattern' },
      { field: 'body.password', message: '至少 8 个字符', rule: 'minLength' },
      { field: 'body.password', message: '最多 256 个字符', rule: 'maxLength' },
      { field: 'body.grants.0.unitId', message: '此项为必填项', rule: 'required' },
      { field: 'params.id', message: 'bad', rule: 'pattern' },
    ]);
    expect(toFormFieldErrors(error, 'zh-CN')).toEqual([
      { name: ['username'], errors: ['格式不正确'] },
      { name: ['password'], errors: ['至少 8 个字符', '最多 256 个字符'] },
      { name: ['grants', 0, 'unitId'], errors: ['此项为必填项'] },
    ]);
  });

  it('falls back to the catalog text of the rule when the server sends no message', () => {
    const error = validation([{ field: 'body.displayName', message: '', rule: 'required' }]);
    expect(toFormFieldErrors(error, 'en')).toEqual([{ name: ['displayName'], errors: ['This field is required'] }]);
  });

  it('puts a business error naming a field on that field, in the UI language', () => {
    const duplicate = new ApiError({
      status: 409,
      code: 'ORG_DUPLICATE_USERNAME',
      message: '用户名已存在',
      details: [{ field: 'body.username', rule: 'unique', message: 'username zhang3 is taken' }],
    });
    expect(toFormFieldErrors(duplicate, 'zh-CN')).toEqual([{ name: ['username'], errors: ['用户名已存在'] }]);
    const wrong = new ApiError({
      status: 400,
      code: 'AUTH_WRONG_PASSWORD',
      message: 'x',
      details: [{ field: 'body.currentPassword', rule: 'password', message: 'current password is wrong' }],
    });
    expect(toFormFieldErrors(wrong, 'en')).toEqual([
      { name: ['currentPassword'], errors: ['The current password is incorrect'] },
    ]);
  });

  it('answers nothing for errors without field details', () => {
    expect(toFormFieldErrors(new ApiError({ status: 409, code: 'ORG_REGION_IN_USE', message: 'x' }), 'zh-CN')).toEqual(
      [],
    );
    expect(fieldErrorsOf(validation('not a list'))).toEqual([]);
    expect(fieldErrorsOf(validation([{ nope: 1 }]))).toEqual([]);
    expect(fieldErrorsOf(new Error('plain'))).toEqual([]);
  });
});

describe('errorText', () => {
  it('renders the code in the UI language with details as parameters', () => {
    const locked = new ApiError({ status: 423, code: 'AUTH_LOCKED', message: 'locked', details: { minutes: 15 } });
    expect(errorText(locked, 'zh-CN')).toBe('账号已锁定，请15分钟后再试');
    expect(errorText(locked, 'en')).toBe('Account locked. Try again in 15 minutes.');
  });

  it("prefers the server's message when a placeholder would stay empty or the code is unknown", () => {
    expect(
      errorText(new ApiError({ status: 423, code: 'AUTH_LOCKED', message: '账号已锁定，请5分钟后再试' }), 'zh-CN'),
    ).toBe('账号已锁定，请5分钟后再试');
    expect(errorText(new ApiError({ status: 409, code: 'CASE_SOMETHING_NEW', message: '服务端文字' }), 'zh-CN')).toBe(
      '服务端文字',
    );
  });

  it('classifies non-JSON failures by status', () => {
    expect(ApiError.fromResponse(502, '<html>Bad gateway</html>').code).toBe('INTERNAL');
    expect(ApiError.fromResponse(401, undefined).code).toBe('AUTH_REQUIRED');
    expect(errorText(ApiError.fromResponse(429, undefined), 'zh-CN')).toBe('操作过于频繁，请稍后再试');
  });
});
