import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView, MemberCartView } from '@app/api/contract';
import type { CurrencyCode } from '@app/money/currency';
import type { Result } from '@app/result';
import { useApi } from '../api/api-context';
import { Dialog } from '../common/Dialog';
import { useErrorText, useMoney } from '../common/format';
import { PointsRuleForm } from './PointsRuleForm';
import './selling.css';

interface Props {
  member: MemberCartView;
  currency: CurrencyCode;
  onChange: (member: MemberCartView) => void;
  onClose: () => void;
}

/**
 * The customer on the sale (会员): find by phone or member card, or add a new member in a
 * few keystrokes; redeem points as a discount. A member card scanned at the till attaches
 * its member without this dialog.
 */
export function MemberDialog({ member, currency, onChange, onClose }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const money = useMoney();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<CustomerView[] | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [card, setCard] = useState('');
  const [points, setPoints] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The rule is the owner's setting (main checks settings.change again).
  const [owner, setOwner] = useState(false);
  const [ruleOpen, setRuleOpen] = useState(false);
  useEffect(() => {
    void api.invoke('session.status', {}).then((r) => {
      if (r.ok) setOwner(r.value.permissions.includes('settings.change'));
      else setError(errorText(r.error));
    });
  }, [api, errorText]);

  const run = async <T,>(call: Promise<Result<T>>): Promise<T | null> => {
    const result = await call;
    if (!result.ok) {
      setError(errorText(result.error));
      return null;
    }
    setError(null);
    return result.value;
  };
  const changed = (view: MemberCartView | null) => view && onChange(view);
  const { rule } = member;

  return (
    <Dialog title={t('members.title')} testId="member-dialog">
      {error && (
        <p className="danger" role="alert" data-testid="member-error">
          {error}
        </p>
      )}
      {member.customer && (
        <div className="member-strip" data-testid="member-current">
          <span>
            {t('members.on', {
              name: member.customer.name,
              phone: member.customer.phone,
              points: member.customer.points,
            })}
          </span>
          <button
            type="button"
            className="secondary"
            onClick={() =>
              void run(api.invoke('members.attach', { customerId: null })).then(changed)
            }
          >
            {t('members.detach')}
          </button>
        </div>
      )}
      <div className="member-sections">
        <section>
          <form
            className="selling-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(api.invoke('members.find', { query })).then((r) => r && setFound(r));
            }}
          >
            <label>
              {t('members.search')}
              <input
                autoFocus
                inputMode="numeric"
                value={query}
                maxLength={20}
                onChange={(e) => setQuery(e.target.value)}
                data-testid="member-search"
              />
            </label>
            <button type="submit" className="secondary big" data-testid="member-find">
              {t('members.find')}
            </button>
          </form>
          {found?.length === 0 && <p className="muted">{t('members.none')}</p>}
          {found && found.length > 0 && (
            <div className="member-results">
              <table className="table">
                <tbody>
                  {found.map((c) => (
                    <tr key={c.id} data-testid="member-result">
                      <td>{c.name}</td>
                      <td>{c.phone}</td>
                      <td>{t('members.points', { points: c.points })}</td>
                      <td>
                        <button
                          type="button"
                          className="primary"
                          onClick={() =>
                            void run(api.invoke('members.attach', { customerId: c.id })).then(
                              changed,
                            )
                          }
                          data-testid="member-attach"
                        >
                          {t('members.attach')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {member.customer && (
            <form
              className="selling-form"
              onSubmit={(e) => {
                e.preventDefault();
                const n = Number(points);
                if (!/^\d+$/.test(points)) {
                  setError(t('errors.points_not_whole', { block: rule.redeemPoints }));
                  return;
                }
                void run(api.invoke('members.redeem', { points: n })).then(changed);
              }}
            >
              <label>
                {t('members.redeem')}{' '}
                <span className="muted">
                  {t('members.redeemHint', {
                    points: rule.redeemPoints,
                    value: money(rule.redeemValueMinor, currency),
                  })}
                </span>
                <input
                  inputMode="numeric"
                  value={points}
                  onChange={(e) => setPoints(e.target.value)}
                  data-testid="member-redeem-points"
                />
              </label>
              {member.pointsRedeemed > 0 && (
                <p data-testid="member-redeemed">
                  {t('members.redeemed', {
                    points: member.pointsRedeemed,
                    value: money(member.redeemedValueMinor, currency),
                  })}
                </p>
              )}
              <div className="row-actions">
                <button type="submit" className="secondary big" data-testid="member-redeem">
                  {t('members.redeem')}
                </button>
                {member.pointsRedeemed > 0 && (
                  <button
                    type="button"
                    className="secondary big"
                    onClick={() =>
                      void run(api.invoke('members.redeem', { points: 0 })).then(changed)
                    }
                  >
                    {t('members.cancelRedeem')}
                  </button>
                )}
              </div>
            </form>
          )}
          {owner && ruleOpen && (
            <PointsRuleForm
              rule={rule}
              currency={currency}
              onSaved={(next) => onChange({ ...member, rule: next })}
            />
          )}
          {owner && !ruleOpen && (
            <button
              type="button"
              className="secondary"
              onClick={() => setRuleOpen(true)}
              data-testid="points-rule-open"
            >
              {t('members.rule.title')}
            </button>
          )}
        </section>
        <section>
          <h3>{t('members.new')}</h3>
          <form
            className="selling-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(
                api.invoke('members.add', {
                  name,
                  phone,
                  ...(card.trim() === '' ? {} : { cardBarcode: card }),
                }),
              ).then((view) => {
                if (!view) return;
                onChange(view);
                setName('');
                setPhone('');
                setCard('');
              });
            }}
          >
            <label>
              {t('members.name')}
              <input
                required
                maxLength={60}
                value={name}
                onChange={(e) => setName(e.target.value)}
                data-testid="member-new-name"
              />
            </label>
            <label>
              {t('members.phone')}
              <input
                required
                inputMode="tel"
                pattern="\+?\d{5,20}"
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                data-testid="member-new-phone"
              />
            </label>
            <label>
              {t('members.card')}
              <input
                maxLength={14}
                value={card}
                onChange={(e) => setCard(e.target.value)}
                data-testid="member-new-card"
              />
            </label>
            <button type="submit" className="primary big" data-testid="member-add">
              {t('members.add')}
            </button>
          </form>
        </section>
      </div>
      <div className="dialog-actions">
        <button
          type="button"
          className="secondary big"
          onClick={onClose}
          data-testid="member-close"
        >
          {t('selling.close')}
        </button>
      </div>
    </Dialog>
  );
}
