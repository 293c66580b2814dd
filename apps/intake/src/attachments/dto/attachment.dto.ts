import { ApiProperty } from '@nestjs/swagger';

/** `POST /api/tickets/:id/attachments`: the multipart form. */
export class AttachmentUploadForm {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description:
      '附件：PDF、图片（JPEG/PNG/GIF/WebP/TIFF/BMP）、Word（.doc/.docx）、MP3、WAV；' +
      '类型按文件内容判断，与文件名和声明的类型无关；大小上限见 ATTACHMENT_MAX_BYTES（默认 20 MB）',
  })
  file!: unknown;
}

/** `POST /api/tickets/:id/attachments` → 201. */
export class AttachmentCreated {
  @ApiProperty({ description: '附件编号（UUID）', example: '3f1c6a52-2d7e-4c3b-9a41-0d5e2b7c8f90' })
  id!: string;

  @ApiProperty({ description: '上传时的文件名', example: '起诉状.pdf' })
  name!: string;

  @ApiProperty({ description: '按文件内容判断的类型', example: 'application/pdf' })
  contentType!: string;

  @ApiProperty({ description: '字节数', example: 52341 })
  size!: number;
}

/** One attachment in `GET /api/tickets/:id/attachments`. */
export class AttachmentView extends AttachmentCreated {
  @ApiProperty({ description: '上传人（账号）', example: 'agent01' })
  uploadedBy!: string;

  @ApiProperty({ type: String, format: 'date-time', description: '上传时间' })
  uploadedAt!: string;
}

/** `GET /api/tickets/:id/attachments` → 200, oldest first. */
export class AttachmentList {
  @ApiProperty({ type: [AttachmentView] })
  items!: AttachmentView[];
}
