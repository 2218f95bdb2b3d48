import type { ReactNode } from 'react';
import { cleanup, render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
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
export async function renderWithApi(ui: ReactNode, api: FakeApi): Promise<RenderResult> {
  await ready;
  return render(
    <ApiProvider api={api}>
      <NoticeProvider>{ui}</NoticeProvider>
    </ApiProvider>,
  );
}
