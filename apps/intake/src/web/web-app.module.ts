import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Response } from 'express';
import { webRoot } from './web-root';

/**
 * What the browser may load and talk to: our own scripts only, our own origin only. Ant Design
 * writes its styles at run time, so inline styles are allowed; inline scripts are not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

function setHeaders(res: Response, path: string) {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  if (path.endsWith('.html')) {
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  }
}

const root = webRoot();

/** Serves the SPA at `/`; any other path that is not the API's falls back to index.html. */
@Module({
  imports: [
    ServeStaticModule.forRoot({
      rootPath: root,
      exclude: ['/api/{*rest}', '/health'],
      serveStaticOptions: { setHeaders, index: 'index.html', fallthrough: true },
    }),
  ],
})
export class WebAppModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    if (!existsSync(join(root, 'index.html'))) {
      new Logger('web').warn(
        `网页界面未构建 (web UI not built): ${root} 中没有 index.html，请先 npm run build`,
      );
    }
  }
}
