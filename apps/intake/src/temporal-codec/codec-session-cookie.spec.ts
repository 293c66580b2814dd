import { CODEC_COOKIE, codecSessionToken } from './codec-session-cookie';

describe('codecSessionToken', () => {
  it('finds the codec cookie among others', () => {
    expect(codecSessionToken(`a=1; ${CODEC_COOKIE}=eyJ.x-y_z.sig; b=2`)).toBe('eyJ.x-y_z.sig');
    expect(codecSessionToken(`${CODEC_COOKIE}=t%2Bk`)).toBe('t+k');
  });

  it('nothing without the cookie, or with an empty or garbled one', () => {
    expect(codecSessionToken(undefined)).toBeUndefined();
    expect(codecSessionToken('other=1')).toBeUndefined();
    expect(codecSessionToken(`x${CODEC_COOKIE}=t`)).toBeUndefined();
    expect(codecSessionToken(`${CODEC_COOKIE}=`)).toBeUndefined();
    expect(codecSessionToken(`${CODEC_COOKIE}=%E0%A4%A`)).toBeUndefined();
  });
});
