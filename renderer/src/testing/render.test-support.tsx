import type { ReactElement, ReactNode } from 'react';
import { cleanup, render } from '@testing-library/react';
import { afterEach } from 'vitest';
import { ApiProvider } from '../api/api-context';
import { NoticeProvider } from '../common/notices';
import { initI18n } from '../i18n';
import type { FakeApi } from './fake-api.test-support';

// jsdom lays nothing out: scrolling an element into view is a no-op there.
Element.prototype.scrollIntoView = function scrollIntoView() {};

afterEach(cleanup);

/** English, as the assertions read. */
export const ready = initI18n('en');

/** Renders `ui` as App does: the API and the signed-in user's notice area around it. */
export async function renderWithApi(ui: ReactElement, api: FakeApi) {
  await ready;
  // A wrapper, so `rerender` keeps the providers and only changes `ui`.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiProvider api={api}>
      <NoticeProvider>{children}</NoticeProvider>
    </ApiProvider>
  );
  return render(ui, { wrapper });
}
