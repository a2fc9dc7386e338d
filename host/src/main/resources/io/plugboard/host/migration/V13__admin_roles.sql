-- Roles of Plugboard's own accounts: 'admin' may do everything, 'viewer' may look but change nothing.
-- Accounts made before roles existed could do everything: they keep that as 'admin'.
ALTER TABLE admin_users ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';
