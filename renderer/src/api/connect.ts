import type { CountertopApi } from '@app/api/contract';
import { electronCarrier } from './electron-carrier';
import { websocketCarrier } from './websocket-carrier';
import type { ConnectionState } from './websocket-carrier';

/**
 * The one place that knows two hosts exist: Electron's preload, or the browser host's
 * WebSocket with the launch token from the URL (then removed from the address bar).
 */
export function connectApi(onState: (state: ConnectionState) => void): CountertopApi {
  if (window.countertop) {
    onState('open');
    return electronCarrier(window.countertop);
  }
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem('countertop.token') ?? '';
  sessionStorage.setItem('countertop.token', token);
  if (params.has('token')) window.history.replaceState(null, '', window.location.pathname);
  const url = `ws://${window.location.host}/api?token=${encodeURIComponent(token)}`;
  return websocketCarrier(url, onState);
}
