import { Flex } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';
import { useAuth } from './context.ts';

/**
 * Shown instead of any page while the account must replace a password an administrator chose: the server answers
 * nothing else (AUTH_PASSWORD_CHANGE_REQUIRED), so no page behind it would load. Signing out stays possible.
 */
export function ForcedPasswordChange() {
  const auth = useAuth();
  const navigate = useNavigate();
  const signOut = () => {
    void auth.logout().finally(() => navigate('/login', { replace: true }));
  };
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }} data-testid="forced-password-change">
      <ChangePasswordModal open forced onClose={() => undefined} onSignOut={signOut} />
    </Flex>
  );
}
