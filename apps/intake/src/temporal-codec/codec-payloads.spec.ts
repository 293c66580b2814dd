import { parseCodecBody, toCodecBody } from './codec-payloads';

const b64 = (text: string) => Buffer.from(text).toString('base64');

describe('the codec server’s JSON payloads', () => {
  it('reads base64 metadata and data, and writes them back the same', () => {
    const body = {
      payloads: [
        { metadata: { encoding: b64('json/plain') }, data: b64('{"a":1}') },
        { metadata: { encoding: b64('binary/null') } },
      ],
    };
    const parsed = parseCodecBody(body);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(Buffer.from(parsed.payloads[0]!.data!).toString()).toBe('{"a":1}');
    expect(parsed.payloads[1]!.data).toBeUndefined();
    expect(toCodecBody(parsed.payloads)).toEqual(body);
  });

  it('names each field that is not what the protocol carries', () => {
    expect(parseCodecBody({})).toEqual({
      ok: false,
      problems: [{ field: 'payloads', message: '须为数组' }],
    });
    expect(
      parseCodecBody({
        payloads: [7, { metadata: { encoding: 'not base64!' }, data: 5 }, { metadata: [] }],
      }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'payloads[0]', message: expect.any(String) },
        { field: 'payloads[1].metadata.encoding', message: '不是 base64 编码' },
        { field: 'payloads[1].data', message: '不是 base64 编码' },
        { field: 'payloads[2].metadata', message: '须为对象' },
      ],
    });
  });
});
