// Spec helpers of this library: a CoreApiClient wired exactly as CoreClientModule wires it
// (axios over a keep-alive undici Pool), against a stub on 127.0.0.1.
import { HttpService } from '@nestjs/axios';
import { ServiceTokenSigner } from '@bff/platform-auth';
import axios from 'axios';
import { Pool } from 'undici';
import { testServiceKey } from './stub-server';
import { CoreApiClient } from '../lib/core-api.client';
import { CallRunnerOptions } from '../lib/core-call.runner';
import { undiciAdapter } from '../lib/transport/undici-adapter';

export interface TestClient {
  client: CoreApiClient;
  close(): Promise<void>;
}

export function testClient(
  baseURL: string,
  options: CallRunnerOptions & { maxResponseBytes?: number } = {},
): TestClient {
  const pool = new Pool(baseURL, { connections: 16 });
  const http = new HttpService(
    axios.create({
      baseURL,
      adapter: undiciAdapter(pool),
      // Like CoreClientModule: no axios timeout, the policies abort the request's signal.
      maxContentLength: options.maxResponseBytes ?? 1024 * 1024,
      responseType: 'json',
    }),
  );
  const client = new CoreApiClient(http, new ServiceTokenSigner('test-bff', testServiceKey()), {
    cache: false,
    ...options,
  });
  return {
    client,
    async close() {
      await client.runner.close();
      await pool.destroy();
    },
  };
}
