import { createSignal, For, Show } from 'solid-js';
import { t } from '../../../i18n/i18n.ts';
import { STAFF_ROLES, type Account, type StaffRole } from '../api/wireSchemas.ts';
import { createApiData } from '../createApiData.ts';
import { formatCount } from '../formatFigures.ts';
import { useStaff } from '../StaffContext.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { StatusNote } from '../ui/StatusNote.tsx';
import { submitListener } from '../ui/submitListener.ts';
import { TableScroll } from '../ui/TableScroll.tsx';

/** Roles that work with assigned facilities; the others see the whole organisation (docs/staff-api.md). */
const FACILITY_ROLES: readonly StaffRole[] = ['manager', 'inspector', 'mediator'];

function FacilityChoices(props: { idPrefix: string; chosen: string[]; onChange: (ids: string[]) => void }) {
  const staff = useStaff();
  const toggle = (id: string, on: boolean) => props.onChange(on ? [...props.chosen, id] : props.chosen.filter((x) => x !== id));
  return (
    <fieldset class="sw-checks">
      <legend>{t('results:admin.accounts.facilities')}</legend>
      <For each={staff.facilities() ?? []} fallback={<p>{t('results:dashboard.noFacilities')}</p>}>
        {(facility) => (
          <label class="sw-choice">
            <input type="checkbox" checked={props.chosen.includes(facility.id)} onInput={(e) => toggle(facility.id, e.currentTarget.checked)} id={`${props.idPrefix}-${facility.id}`} />
            {facility.name}
          </label>
        )}
      </For>
    </fieldset>
  );
}

function RoleSelect(props: { id: string; value: StaffRole; onChange: (role: StaffRole) => void }) {
  return (
    <div class="sw-field">
      <label for={props.id}>{t('results:admin.accounts.role')}</label>
      <select id={props.id} onInput={(e) => props.onChange(e.currentTarget.value as StaffRole)}>
        <For each={[...STAFF_ROLES]}>{(role) => <option value={role} selected={role === props.value}>{t(`results:roles.${role}`)}</option>}</For>
      </select>
    </div>
  );
}

function AccountEditor(props: { account: Account; onDone: (saved: boolean) => void }) {
  const staff = useStaff();
  const [role, setRole] = createSignal<StaffRole>(props.account.role);
  const [facilityIds, setFacilityIds] = createSignal(props.account.facilityIds);
  const [disabled, setDisabled] = createSignal(props.account.disabled);
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<unknown>();
  const prefix = `sw-account-${props.account.id}`;

  const save = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    if (password() && password().length < 12) return setError(t('results:admin.accounts.passwordTooShort'));
    try {
      await staff.api.updateAccount(props.account.id, {
        role: role(),
        facilityIds: FACILITY_ROLES.includes(role()) ? facilityIds() : [],
        disabled: disabled(),
        ...(password() ? { password: password() } : {}),
      });
      props.onDone(true);
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form class="sw-form sw-editor" ref={submitListener(save)} aria-label={t('results:admin.accounts.editLabel', { email: props.account.email })}>
      <RoleSelect id={`${prefix}-role`} value={role()} onChange={setRole} />
      <Show when={FACILITY_ROLES.includes(role())}>
        <FacilityChoices idPrefix={`${prefix}-facility`} chosen={facilityIds()} onChange={setFacilityIds} />
      </Show>
      <label class="sw-choice">
        <input type="checkbox" checked={disabled()} onInput={(e) => setDisabled(e.currentTarget.checked)} />
        {t('results:admin.accounts.disabled')}
      </label>
      <div class="sw-field">
        <label for={`${prefix}-password`}>{t('results:admin.accounts.newPassword')}</label>
        <input id={`${prefix}-password`} type="password" autocomplete="new-password" minLength={12} value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
      </div>
      <div class="sw-actions">
        <button type="submit" class="sw-button">
          {t('results:admin.save')}
        </button>
        <button type="button" class="sw-button sw-button--quiet" onClick={() => props.onDone(false)}>
          {t('results:admin.cancel')}
        </button>
      </div>
      <ErrorNotice error={error()} />
    </form>
  );
}

/**
 * Removes a staff member's tablet PIN after a second click (they forgot it, or left): the
 * number stays theirs, and tablets refuse the PIN from their next sync (docs/staff-api.md, Tablet PINs).
 */
function RemovePinButton(props: { account: Account; onRemoved: () => void; onError: (error: unknown) => void }) {
  const staff = useStaff();
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const remove = async () => {
    props.onError(undefined);
    setBusy(true);
    try {
      await staff.api.removeAccountTabletPin(props.account.id);
      setConfirming(false);
      props.onRemoved();
    } catch (caught) {
      props.onError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Show
      when={confirming()}
      fallback={
        <button type="button" class="sw-button sw-button--small" onClick={() => setConfirming(true)}>
          {t('results:tabletPin.admin.remove', { email: props.account.email })}
        </button>
      }
    >
      <span class="sw-confirm">
        {t('results:tabletPin.admin.confirmRemove', { email: props.account.email })}{' '}
        <button type="button" class="sw-button sw-button--small sw-button--danger" disabled={busy()} onClick={() => void remove()}>
          {t('results:tabletPin.admin.removeYes', { email: props.account.email })}
        </button>{' '}
        <button type="button" class="sw-button sw-button--small sw-button--quiet" onClick={() => setConfirming(false)}>
          {t('results:admin.cancel')}
        </button>
      </span>
    </Show>
  );
}

/** Staff accounts of the organisation (admin): roles, facilities, disabling, a new password, tablet numbers and PINs. */
export function AccountsAdmin() {
  const staff = useStaff();
  const accounts = createApiData(() => ({}), () => staff.api.accounts());
  const [editing, setEditing] = createSignal<string | null>(null);
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal<StaffRole>('manager');
  const [password, setPassword] = createSignal('');
  const [facilityIds, setFacilityIds] = createSignal<string[]>([]);
  const [error, setError] = createSignal<unknown>();
  const [status, setStatus] = createSignal('');
  const facilityNames = (ids: string[]) => ids.map((id) => staff.facilities()?.find((f) => f.id === id)?.name ?? id).join(', ');

  const create = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    if (password().length < 12) return setError(t('results:admin.accounts.passwordTooShort'));
    try {
      const account = await staff.api.createAccount({ email: email().trim(), role: role(), password: password(), facilityIds: FACILITY_ROLES.includes(role()) ? facilityIds() : [] });
      setStatus(t('results:admin.accounts.created', { email: account.email }));
      setEmail('');
      setPassword('');
      setFacilityIds([]);
      accounts.refetch();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <section class="sw-section" aria-labelledby="sw-admin-accounts">
      <h2 id="sw-admin-accounts">{t('results:admin.accounts.title')}</h2>
      <ErrorNotice error={accounts.error()} />
      <Show when={accounts.data()}>
        {(list) => (
          <TableScroll label={t('results:admin.accounts.caption')}>
            <table class="sw-table">
              <caption>{t('results:admin.accounts.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('results:admin.accounts.email')}</th>
                  <th scope="col">{t('results:admin.accounts.role')}</th>
                  <th scope="col">{t('results:admin.accounts.facilities')}</th>
                  <th scope="col">{t('results:admin.accounts.state')}</th>
                  <th scope="col">{t('results:tabletPin.admin.number')}</th>
                  <th scope="col">{t('results:tabletPin.admin.pin')}</th>
                  <th scope="col">{t('results:admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={list()}>
                  {(account) => (
                    <>
                      <tr>
                        <th scope="row">{account.email}</th>
                        <td>{t(`results:roles.${account.role}`)}</td>
                        <td>{FACILITY_ROLES.includes(account.role) ? facilityNames(account.facilityIds) || t('results:admin.accounts.noFacility') : t('results:admin.accounts.wholeOrganisation')}</td>
                        <td>
                          {account.disabled ? t('results:admin.accounts.isDisabled') : account.locked ? t('results:admin.accounts.isLocked') : t('results:admin.accounts.isActive')}
                        </td>
                        <td class="sw-number">{account.tabletNumber === null ? t('results:tabletPin.admin.noNumber') : formatCount(account.tabletNumber, staff.language())}</td>
                        <td>{account.hasTabletPin ? t('results:tabletPin.admin.hasPin') : t('results:tabletPin.admin.noPin')}</td>
                        <td>
                          <div class="sw-actions">
                            <button type="button" class="sw-button sw-button--small" aria-expanded={editing() === account.id} onClick={() => setEditing(editing() === account.id ? null : account.id)}>
                              {t('results:admin.accounts.edit', { email: account.email })}
                            </button>
                            <Show when={account.hasTabletPin}>
                              <RemovePinButton
                                account={account}
                                onRemoved={() => {
                                  setStatus(t('results:tabletPin.admin.removed', { email: account.email }));
                                  accounts.refetch();
                                }}
                                onError={setError}
                              />
                            </Show>
                          </div>
                        </td>
                      </tr>
                      <Show when={editing() === account.id}>
                        <tr>
                          <td colSpan={7}>
                            <AccountEditor
                              account={account}
                              onDone={(saved) => {
                                setEditing(null);
                                if (saved) {
                                  setStatus(t('results:admin.accounts.saved', { email: account.email }));
                                  accounts.refetch();
                                }
                              }}
                            />
                          </td>
                        </tr>
                      </Show>
                    </>
                  )}
                </For>
              </tbody>
            </table>
          </TableScroll>
        )}
      </Show>
      <h3>{t('results:admin.accounts.add')}</h3>
      <form class="sw-form" ref={submitListener(create)}>
        <div class="sw-field">
          <label for="sw-new-account-email">{t('results:admin.accounts.email')}</label>
          <input id="sw-new-account-email" type="email" required autocomplete="off" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <RoleSelect id="sw-new-account-role" value={role()} onChange={setRole} />
        <div class="sw-field">
          <label for="sw-new-account-password">{t('results:admin.accounts.password')}</label>
          <input id="sw-new-account-password" type="password" autocomplete="new-password" required minLength={12} value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        <Show when={FACILITY_ROLES.includes(role())}>
          <FacilityChoices idPrefix="sw-new-account-facility" chosen={facilityIds()} onChange={setFacilityIds} />
        </Show>
        <button type="submit" class="sw-button">
          {t('results:admin.accounts.addSubmit')}
        </button>
      </form>
      <StatusNote message={status()} />
      <ErrorNotice error={error()} />
    </section>
  );
}
