import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context';
import { connectApi } from './api/connect';
import { createConnectionStore, useConnection } from './api/connection-store';
import { NoticeProvider } from './common/notices';
import { installWedgeSwipeGuard } from './common/wedge-swipe';
import { initI18n } from './i18n';
import { App } from './App';
import { CustomerScreen } from './customer/CustomerScreen';
import './styles.css';
import './frame.css';

// `?view=customer`: the window for a monitor facing the customer (read before the launch
// token is taken out of the address bar).
const customerView = new URLSearchParams(window.location.search).get('view') === 'customer';
const connection = createConnectionStore();
const api = connectApi(connection.set);
// The masked result comes back as a devices.swipe event to whichever screen is showing.
if (!customerView) {
  installWedgeSwipeGuard((text) => void api.invoke('devices.wedgeSwipe', { text }));
}

function Root() {
  const state = useConnection(connection);
  return (
    <ApiProvider api={api}>
      {customerView ? (
        <NoticeProvider>
          <CustomerScreen />
        </NoticeProvider>
      ) : (
        <App connection={state} />
      )}
    </ApiProvider>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
void initI18n('zh-CN').then(() => {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
});
