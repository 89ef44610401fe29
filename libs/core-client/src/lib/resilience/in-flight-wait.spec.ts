import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@bff/platform-problem';
import { json } from '../../testing/stub-server';
import { useStubCoreApi } from '../../testing/test-client';
import { IN_FLIGHT_POLL_MS, inFlightWait } from './in-flight-wait';

const inFlight = () => new ProblemException(HttpStatus.CONFLICT, 'request_in_flight', 'busy');

describe('waiting out a request in flight with the same Idempotency-Key', () => {
  const { stub, core } = useStubCoreApi();

  it('answers a repeat with the order the first request placed, once core-api has it', async () => {
    let hits = 0;
    const keys: unknown[] = [];
    stub.handler = (req, res) =>
      keys.push(req.headers['idempotency-key']) && ++hits < 3
        ? json(res, 409, { status: 409, code: 'request_in_flight', detail: 'Still placing it.' })
        : json(res, 201, { id: 42 });
    const started = Date.now();
    await expect(core.client.placeOrder(1, 'double-click')).resolves.toMatchObject({ id: 42 });
    expect(hits).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2 * IN_FLIGHT_POLL_MS - 10);
    expect(keys).toEqual(['double-click', 'double-click', 'double-click']);
  });

  it('passes any other refusal on at once: one hit', async () => {
    stub.handler = (_req, res) =>
      json(res, 409, { status: 409, code: 'insufficient_stock', detail: 'Only 1 left.' });
    await expect(core.client.placeOrder(1, 'short-stock')).rejects.toMatchObject({
      code: 'insufficient_stock',
    });
    expect(stub.count()).toBe(1);
  });
});

describe('inFlightWait', () => {
  it('gives up after its wait with the 409, having asked once per poll interval', async () => {
    let calls = 0;
    const started = Date.now();
    await expect(
      inFlightWait(3 * IN_FLIGHT_POLL_MS).execute(() => {
        calls++;
        throw inFlight();
      }),
    ).rejects.toMatchObject({ code: 'request_in_flight' });
    expect(calls).toBe(4);
    expect(Date.now() - started).toBeLessThan(3 * IN_FLIGHT_POLL_MS + 250);
  });
});
