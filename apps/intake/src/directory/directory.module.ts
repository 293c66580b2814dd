import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';
import { DirectoryImportController } from './directory-import.controller';
import { DirectoryImportService } from './directory-import.service';

@Module({
  controllers: [DirectoryController, DirectoryImportController],
  providers: [DirectoryService, DirectoryImportService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
