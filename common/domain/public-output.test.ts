import { describe, expect, it } from 'vitest';
import { maskPersonalText, maskPublicText } from './privacy.ts';
import { isPublicChannel, publicChannelsOf, publicCoordinate, publicNote } from './public-output.ts';

describe('maskPublicText (public output)', () => {
  it('hides ID numbers, phones, e-mail, plates and long numbers entirely', () => {
    expect(maskPublicText('身份证42028119850312123X，旧证420281850312123')).toBe(
      `身份证${'*'.repeat(18)}，旧证${'*'.repeat(15)}`,
    );
    expect(maskPublicText('电话13971234567 或 +86 139 7123 4567')).toBe('电话*********** 或 +** *** **** ****');
    expect(maskPublicText('座机0714-8721234，(027)87654321转123，联系电话 8721234')).toBe(
      '座机****-*******，(***)********转***，联系电话 *******',
    );
    expect(maskPublicText('车牌鄂B12345、鄂BD12345、鄂B·1234学')).toBe('车牌鄂******、鄂*******、鄂*·****学');
    expect(maskPublicText('邮箱 zhang.san@example.org，卡号6222021234567890123')).toBe(
      `邮箱 *****.***@*******.***，卡号${'*'.repeat(19)}`,
    );
  });

  it('keeps the road of an address and hides house, building, unit and room numbers', () => {
    expect(maskPublicText('东岳路12号3栋2单元501室')).toBe('东岳路**号*栋*单元***室');
    expect(maskPublicText('金湖大道 12 号，A座1201，十二栋三单元，5楼')).toBe(
      '金湖大道 ** 号，*座****，**栋*单元，*楼',
    );
    expect(maskPublicText('罗家桥街道3-2-501')).toBe('罗家桥街道*-*-***');
  });

  it('leaves case numbers, dates, metro lines, hotline numbers and plain words alone', () => {
    const plain = '案件420281-20240312-00017于2024-03-12、3月12号办结，地铁3号线旁，拨打12345热线，湘江路垃圾满溢';
    expect(maskPublicText(plain)).toBe(plain);
  });

  it('costs linear time on long runs (no backtracking blow-up)', () => {
    for (const unit of ['1-', '1', 'a.', '1号', '鄂B', 'a@']) {
      const text = unit.repeat(2000);
      expect(maskPublicText(text).length).toBe(text.length);
    }
  });

  it('the log masker is unchanged: region and last digits kept for support staff', () => {
    expect(maskPersonalText('13812345678')).toBe('138****5678');
  });
});

describe('the public-output rule', () => {
  it('channels: default citizen only, malformed storage falls back, 信访 never public', () => {
    expect(publicChannelsOf(undefined)).toEqual(['public']);
    expect(publicChannelsOf('hotline')).toEqual(['public']);
    expect(publicChannelsOf(['hotline', 'petition', 'nonsense', 'hotline'])).toEqual(['hotline']);
    expect(publicChannelsOf([])).toEqual([]);
    expect(isPublicChannel('petition', ['petition', 'public'])).toBe(false);
    expect(isPublicChannel('public', ['public'])).toBe(true);
    expect(isPublicChannel('inspector', ['public'])).toBe(false);
  });

  it('coordinates to 3 places, notes only for closing and replying, masked', () => {
    expect([publicCoordinate(114.975312), publicCoordinate(30.100487)]).toEqual([114.975, 30.1]);
    const close = (note: string | null, data: unknown) => ({ action: 'close', note, data_json: JSON.stringify(data) });
    expect(publicNote(close('内部：车主不配合', { publicReply: '已联系13971234567' }))).toBe('已联系***********');
    // the internal closing note never becomes the reply, also when no reply was written
    expect(publicNote(close('内部：车主不配合', { closeType: 'normal' }))).toBeNull();
    expect(publicNote({ action: 'close', note: '内部', data_json: 'not json' })).toBeNull();
    expect(publicNote({ action: 'dispatch', note: '内部：派给张三' })).toBeNull();
    expect(publicNote({ action: 'reply', note: '已处理完毕' })).toBe('已处理完毕');
    expect(publicNote({ action: 'reply', note: null })).toBeNull();
  });
});
