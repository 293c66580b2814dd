import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { SeedService } from './seed.service';

@Module({ imports: [DirectoryModule], providers: [SeedService], exports: [SeedService] })
export class SeedModule {}
