import { maskPhone, normalizePhone, parsePhone } from './phone';

describe('parsePhone: mainland mobiles', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['86-13800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['19912345678', '19912345678'],
  ])('%s → %s', (input, normalized) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: { kind: 'mobile', normalized } });
  });

  it.each([
    '12800138000', // 12x is not a mobile prefix
    '1380013800', // 10 digits
    '138001380001', // 12 digits
    '+1 138 0013 8000',
    '138001380a0',
    '',
    '   ',
  ])('rejects %j', (input) => {
    expect(parsePhone(input).ok).toBe(false);
  });
});

describe('parsePhone: landlines', () => {
  it.each([
    ['0371-63211234', '0371-63211234', '0371', '63211234', undefined],
    ['037163211234', '0371-63211234', '0371', '63211234', undefined],
    ['0371 6321 1234', '0371-63211234', '0371', '63211234', undefined],
    ['(0371)63211234', '0371-63211234', '0371', '63211234', undefined],
    ['（0371）63211234', '0371-63211234', '0371', '63211234', undefined],
    ['010-62345678', '010-62345678', '010', '62345678', undefined],
    ['01062345678', '010-62345678', '010', '62345678', undefined],
    ['021-5432109', '021-5432109', '021', '5432109', undefined],
    ['0373-6261201', '0373-6261201', '0373', '6261201', undefined],
    ['0371-63211234-808', '0371-63211234-808', '0371', '63211234', '808'],
    ['0371-63211234转808', '0371-63211234-808', '0371', '63211234', '808'],
    ['0371 63211234 ext. 12', '0371-63211234-12', '0371', '63211234', '12'],
    ['0371-63211234#6', '0371-63211234-6', '0371', '63211234', '6'],
    ['+86 371 63211234', '0371-63211234', '0371', '63211234', undefined],
  ])('%s → %s', (input, normalized, areaCode, local, extension) => {
    const r = parsePhone(input);
    expect(r).toEqual({
      ok: true,
      value: { kind: 'landline', normalized, areaCode, local, ...(extension ? { extension } : {}) },
    });
  });

  it.each([
    '0371-1234567', // local numbers do not start with 1
    '0371-0234567', // nor with 0
    '0371-632112', // 6 digits
    '0371-632112345', // 9 digits and no extension separator
    '371-63211234', // area code without 0 (not international)
    '12368', // service numbers are not caller numbers
  ])('rejects %j', (input) => {
    const r = parsePhone(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('电话号码');
  });
});

describe('normalizePhone', () => {
  it('gives the normal form or null', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('(010) 6234 5678')).toBe('010-62345678');
    expect(normalizePhone('hello')).toBeNull();
  });
});

describe('maskPhone', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['+86 138 0013 8000', '138****8000'],
    ['0371-63211234', '0371-****1234'],
    ['0371-63211234-808', '0371-****1234'],
    ['010-62345678', '010-****5678'],
    ['0373-6261201', '0373-****1201'],
    ['not a phone 98765', '****8765'],
    ['123', '****'],
    ['', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('never returns the full number and never throws', () => {
    expect(maskPhone(null)).toBe('');
    expect(maskPhone(undefined)).toBe('');
    expect(maskPhone('13800138000')).not.toContain('0013');
  });
});
