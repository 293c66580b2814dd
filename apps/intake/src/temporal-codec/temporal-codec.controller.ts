import { CurrentUser, type Principal, Roles } from '@court/auth';
import { TEMPORAL_DATA_CONVERTER } from '@court/temporal';
import {
  BadRequestException,
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Logger,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type DataConverter, type Payload, ValueError } from '@temporalio/common';
import { type CodecBody, parseCodecBody, toCodecBody } from './codec-payloads';
import { CODEC_ROUTE } from './codec-session-cookie';

type Direction = 'encode' | 'decode';

/**
 * The codec server of the Temporal Web UI (and `temporal --codec-endpoint`): `POST …/decode`
 * and `…/encode` with `{ payloads }`, run through the services' own payload codec. Admins only;
 * it shows what the tickets' histories hold, personal data included. Not part of our API
 * document: the Temporal UI is its only client.
 */
@ApiExcludeController()
@Controller(CODEC_ROUTE)
@Roles('admin')
export class TemporalCodecController {
  private readonly logger = new Logger('TemporalCodec');

  constructor(@Inject(TEMPORAL_DATA_CONVERTER) private readonly converter: DataConverter) {}

  @Post('decode')
  @HttpCode(200)
  decode(
    @Body() body: unknown,
    @Headers('x-namespace') namespace: string | undefined,
    @CurrentUser() user: Principal,
  ): Promise<CodecBody> {
    return this.run('decode', body, namespace, user);
  }

  @Post('encode')
  @HttpCode(200)
  encode(
    @Body() body: unknown,
    @Headers('x-namespace') namespace: string | undefined,
    @CurrentUser() user: Principal,
  ): Promise<CodecBody> {
    return this.run('encode', body, namespace, user);
  }

  private async run(
    direction: Direction,
    body: unknown,
    namespace: string | undefined,
    user: Principal,
  ): Promise<CodecBody> {
    const parsed = parseCodecBody(body);
    if (!parsed.ok) {
      throw new BadRequestException({
        statusCode: 400,
        message: '请求参数有误',
        errors: parsed.problems,
      });
    }
    this.logger.debug(
      `${direction} ${parsed.payloads.length} payloads of namespace ${namespace ?? '?'} for ${user.id}`,
    );
    try {
      return toCodecBody(await this.apply(direction, parsed.payloads));
    } catch (error) {
      if (error instanceof ValueError) throw new UnprocessableEntityException(error.message);
      throw error;
    }
  }

  /** The data converter's codecs, in the order the SDK applies them. */
  private async apply(direction: Direction, payloads: Payload[]): Promise<Payload[]> {
    const codecs = this.converter.payloadCodecs ?? [];
    let result = payloads;
    if (direction === 'encode') {
      for (const codec of codecs) result = await codec.encode(result);
    } else {
      for (const codec of [...codecs].reverse()) result = await codec.decode(result);
    }
    return result;
  }
}
