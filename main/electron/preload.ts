import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { commandNames, IPC_EVENT_CHANNEL, ipcChannel, isEventName } from '@app/api/names';

/**
 * Sandboxed preload: exposes one named function per contract command (never a generic
 * send) and an event subscription limited to the contract's event names.
 */
const commands = Object.fromEntries(
  commandNames.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input),
  ]),
);

contextBridge.exposeInMainWorld('countertop', {
  host: 'electron',
  commands,
  onEvent(name: string, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name)) throw new Error(`Unknown event ${name}`);
    const handler = (_event: IpcRendererEvent, event: string, payload: unknown): void => {
      if (event === name) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
});
