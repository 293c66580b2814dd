import { Module } from '@nestjs/common';
import { VoicemailsController } from './voicemails.controller';
import { VoicemailsService } from './voicemails.service';

@Module({ controllers: [VoicemailsController], providers: [VoicemailsService] })
export class VoicemailsModule {}
