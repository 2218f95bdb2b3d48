import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { commandNames, IPC_EVENT_CHANNEL, ipcChannel } from '@app/api/names';
import { fail } from '@app/result';
import type { Services } from '../services';
import { isAppUrl } from './app-protocol';

/**
 * One IPC handler per contract command. A message from anything but the top frame of one
 * of our own windows (the till, the customer display) on app://countertop is refused
 * (Electron checklist: validate the sender). Events go to every such window.
 */
export function bridgeIpc(services: Services, windows: () => WebContents[]): () => void {
  // A sub-frame has a parent; any window not ours, or a page off app://countertop, is refused.
  const trusted = ({ sender, senderFrame }: IpcMainInvokeEvent): boolean =>
    senderFrame !== null &&
    senderFrame.parent === null &&
    isAppUrl(senderFrame.url) &&
    windows().includes(sender);
  for (const name of commandNames) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => {
      if (!trusted(event)) {
        services.log.warn('IPC refused from untrusted sender', { command: name });
        return fail('invalid_input', 'Refused: not from the Countertop window');
      }
      return services.dispatch(name, input);
    });
  }
  const unsubscribe = services.bus.subscribe((event, payload) => {
    for (const contents of windows()) contents.send(IPC_EVENT_CHANNEL, event, payload);
  });
  return () => {
    unsubscribe();
    for (const name of commandNames) ipcMain.removeHandler(ipcChannel(name));
  };
}
