import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Module,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { LoggingModule } from '@bff/platform-logging';
import { request as httpRequest } from 'node:http';
import { createApp } from '../lib/create-app';
import { FormBody } from '../lib/form-body';

class ListQuery {
  @ApiProperty() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
}
class NameParams {
  @ApiProperty() @IsString() name!: string;
}
class Payload {
  @ApiProperty() @IsOptional() @IsString() name?: string;
}

class FormPayload {
  @ApiProperty() @IsString() token!: string;
  @ApiProperty() @IsOptional() @IsString() note?: string;
}

/** How many requests reached a handler. */
export let handled = 0;

@Controller('edge')
class EdgeController {
  @Get('things')
  list(@Query() query: ListQuery) {
    handled++;
    return { limit: query.limit ?? 10 };
  }

  @Get('things/:name')
  get(@Param() params: NameParams) {
    handled++;
    return params;
  }

  @Post('things')
  @HttpCode(201)
  create(@Body() body: Payload) {
    handled++;
    return body;
  }

  @Put('things/:name')
  put(@Param() params: NameParams, @Body() body: Payload) {
    handled++;
    return { ...params, ...body };
  }

  @Delete('things/:name')
  remove(@Param() params: NameParams) {
    handled++;
    return params;
  }

  @Post('actions/sign-in')
  @HttpCode(200)
  signIn(@Body() body: Payload) {
    handled++;
    return body;
  }

  /** The one route that takes a form body (as a back-channel logout endpoint does). */
  @Post('protocol/form')
  @FormBody()
  @HttpCode(200)
  form(@Body() body: FormPayload) {
    handled++;
    return body;
  }
}

@Module({
  imports: [LoggingModule.forRoot({ service: 'test', level: 'silent' })],
  controllers: [EdgeController],
})
class EdgeModule {}

/**
 * A service built by createApp (tight JSON limits: depth 8, 50 members) with body routes, a
 * POST-only route and parameters, listening on 127.0.0.1 for the HTTP edge specs.
 */
export async function startEdgeApp() {
  const app = await createApp({
    module: EdgeModule,
    openApi: { title: 'test', description: 'test', version: '0.0.0' },
    jsonBodyLimits: { maxDepth: 8, maxMembers: 50 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = await app.getUrl();
  return {
    base,
    close: () => app.close(),
    resetHandled: () => (handled = 0),
    /** fetch() refuses TRACE: node:http sends any method. */
    call: (method: string, path: string, headers: Record<string, string> = {}) =>
      new Promise<Response>((resolve, reject) => {
        const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const pairs = Object.entries(res.headers).filter(
              (entry): entry is [string, string] => typeof entry[1] === 'string',
            );
            resolve(
              new Response(Buffer.concat(chunks), { status: res.statusCode, headers: pairs }),
            );
          });
        });
        req.on('error', reject);
        req.end();
      }),
    send: (method: string, path: string, body: string | FormData | undefined, type?: string) =>
      fetch(`${base}${path}`, { method, body, headers: type ? { 'content-type': type } : {} }),
  };
}

export { expectProblem, type ProblemBody } from './http-answers';
