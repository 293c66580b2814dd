import { Logger } from '@nestjs/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { AesGcmPayloadCodec } from './payload-codec';
import { WorkerHost } from './worker-host';

// The real runtime is native and keeps the process alive: the host's own wiring is tested here.
jest.mock('./temporal-runtime', () => ({ installTemporalRuntime: jest.fn() }));

const temporal = {
  address: '127.0.0.1:7233',
  namespace: 'court',
  payloadKeys: [{ id: 'k1', key: Buffer.alloc(32, 1) }],
  uiOrigin: 'http://127.0.0.1:8233',
};

function fakeWorker(run: () => Promise<void>) {
  let state = 'INITIALIZED';
  return {
    options: { taskQueue: 'tickets' },
    getState: () => state,
    run: () => {
      state = 'RUNNING';
      return run().finally(() => {
        state = 'STOPPED';
      });
    },
    shutdown: jest.fn(() => {
      state = 'STOPPING';
    }),
  };
}

describe('WorkerHost', () => {
  let create: jest.SpyInstance;
  let emit: jest.SpyInstance;
  let once: jest.SpyInstance;

  beforeEach(() => {
    jest
      .spyOn(NativeConnection, 'connect')
      .mockResolvedValue({ close: jest.fn() } as unknown as NativeConnection);
    create = jest.spyOn(Worker, 'create');
    emit = jest
      .spyOn(process, 'emit')
      .mockImplementation((() => true) as unknown as typeof process.emit);
    once = jest.spyOn(process, 'once').mockImplementation(() => process);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('creates the worker in the namespace, with the payload codec and a 40 s drain', async () => {
    create.mockResolvedValue(fakeWorker(() => new Promise(() => undefined)));
    const host = new WorkerHost('tickets', temporal, async () => ({ taskQueue: 'tickets' }));
    await host.onModuleInit();
    const options = create.mock.calls[0]![0];
    expect(options).toMatchObject({
      namespace: 'court',
      taskQueue: 'tickets',
      shutdownGraceTime: '40s',
    });
    expect(options.dataConverter.payloadCodecs[0]).toBeInstanceOf(AesGcmPayloadCodec);
  });

  it('a worker that fails for good: closes the app as on SIGTERM, then exits with code 1', async () => {
    create.mockResolvedValue(fakeWorker(() => Promise.reject(new Error('namespace gone'))));
    const host = new WorkerHost('tickets', temporal, async () => ({ taskQueue: 'tickets' }));
    await host.onModuleInit();
    host.onApplicationBootstrap();
    await new Promise((resolve) => setImmediate(resolve));
    expect(emit).toHaveBeenCalledWith('SIGTERM', 'SIGTERM');
    expect(process.exitCode).toBe(1);

    await host.onModuleDestroy();
    host.onApplicationShutdown('SIGTERM');
    expect(once).toHaveBeenCalledWith('SIGTERM', expect.any(Function));
    const exit = jest.spyOn(process, 'exit').mockImplementation(() => undefined as never);
    (once.mock.calls[0]![1] as () => void)();
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('an ordinary shutdown: drains once, closes the app without forcing an exit code', async () => {
    let finish: () => void = () => undefined;
    const worker = fakeWorker(() => new Promise<void>((resolve) => (finish = resolve)));
    create.mockResolvedValue(worker);
    const host = new WorkerHost('tickets', temporal, async () => ({ taskQueue: 'tickets' }));
    await host.onModuleInit();
    host.onApplicationBootstrap();
    const stopping = host.onModuleDestroy();
    expect(worker.shutdown).toHaveBeenCalledTimes(1);
    finish();
    await stopping;
    await host.onModuleDestroy();
    host.onApplicationShutdown('SIGTERM');
    expect(worker.shutdown).toHaveBeenCalledTimes(1);
    expect(emit).not.toHaveBeenCalled();
    expect(once).not.toHaveBeenCalled();
    expect(process.exitCode).toBeUndefined();
  });
});
