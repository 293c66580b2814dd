import { maskPhonesInJsonLine, maskPhonesInText } from './phone-masking';

describe('maskPhonesInText', () => {
  it.each([
    ['13812348000', '138****8000'],
    ['回电 13812348000。', '回电 138****8000。'],
    ['+86 13812348000', '138****8000'],
    ['+8613812348000', '138****8000'],
    ['86-138-1234-8000', '138****8000'],
    ['0086 138 1234 8000', '138****8000'],
    ['138-1234-8000', '138****8000'],
    ['138 1234 8000', '138****8000'],
    ['tel:19912345678,', 'tel:199****5678,'],
    ['010-12345678', '010-****5678'],
    ['0755-1234567', '0755-****4567'],
    ['0755-12345678', '0755-****5678'],
    ['(010)12345678', '(010)****5678'],
    ['（0755）87654321', '（0755）****4321'],
    ['010 8765 4321', '010 ****4321'],
    ['座机 02112345678 转', '座机 0211****5678 转'],
    ['两个号码 13812348000 与 010-12345678', '两个号码 138****8000 与 010-****5678'],
  ])('%s → %s', (raw, masked) => {
    expect(maskPhonesInText(raw)).toBe(masked);
  });

  it.each([
    ['a ticket number', '工单 T20261202-0001'],
    ['a date and a time', '2026-12-02T09:00:00.000Z'],
    ['a UUID', 'f47ac10b-0123-4567-8901-0e02b2c3d479'],
    ['a millisecond timestamp', '1764666000000'],
    ['12 digits from 1', '138123480001'],
    ['a short number', '12368'],
    ['a duration', '0.1234567 s'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskPhonesInText(text)).toBe(text);
  });
});

describe('maskPhonesInJsonLine', () => {
  it('masks the message and strings at any depth, and keeps the line valid JSON', () => {
    const line = JSON.stringify({
      level: 'info',
      time: '2026-12-02T09:00:00.000Z',
      msg: '来电 13812348000',
      caller: { phones: ['010-12345678', { mobile: '+86 139-1234-5678' }] },
      err: { message: 'send to 13712345678 failed', stack: 'Error: 13712345678\n    at x' },
      asNumber: 13812348000,
      count: 3,
    });
    const masked = JSON.parse(maskPhonesInJsonLine(line));
    expect(masked).toEqual({
      level: 'info',
      time: '2026-12-02T09:00:00.000Z',
      msg: '来电 138****8000',
      caller: { phones: ['010-****5678', { mobile: '139****5678' }] },
      err: { message: 'send to 137****5678 failed', stack: 'Error: 137****5678\n    at x' },
      asNumber: '138****8000',
      count: 3,
    });
  });

  it('returns a line without anything like a phone as it is', () => {
    const line = '{"level":"info","time":"2026-12-02T09:00:00.000Z","msg":"ok","durationMs":12}';
    expect(maskPhonesInJsonLine(line)).toBe(line);
  });

  it('handles escaped quotes inside strings', () => {
    const line = JSON.stringify({ msg: 'said "13812348000" twice', n: 13812348000 });
    expect(JSON.parse(maskPhonesInJsonLine(line))).toEqual({
      msg: 'said "138****8000" twice',
      n: '138****8000',
    });
  });
});
