package io.github.passkeys4j.store;

import io.github.passkeys4j.testing.AccountRaceContract;
import io.github.passkeys4j.testing.ChallengeKeysContract;
import io.github.passkeys4j.testing.PasskeyRepositoryContract;
import io.github.passkeys4j.testing.PasskeyUserRepositoryContract;
import io.github.passkeys4j.testing.PendingCeremonyStoreContract;
import io.github.passkeys4j.testing.RecoveryCodeStoreContract;
import io.github.passkeys4j.testing.UsedChallengeStoreContract;
import org.junit.jupiter.api.Nested;

/**
 * The whole storage contract on the core's in-memory stores. It runs here, not in the core, because the contract
 * lives in this module, which depends on the core: Maven cannot build a module whose tests depend on a module that
 * depends on it.
 */
class InMemoryStoresContractTest {

    @Nested
    class Passkeys extends PasskeyRepositoryContract {
        @Override
        protected PasskeyRepository createRepository() {
            return new InMemoryPasskeyRepository();
        }
    }

    @Nested
    class Users extends PasskeyUserRepositoryContract {
        @Override
        protected PasskeyUserRepository createRepository() {
            return new InMemoryPasskeyUserRepository();
        }
    }

    @Nested
    class PendingCeremonies extends PendingCeremonyStoreContract {
        @Override
        protected PendingCeremonyStore createStore() {
            return new InMemoryPendingCeremonyStore();
        }
    }

    @Nested
    class AccountRaces extends AccountRaceContract {
        @Override
        protected PasskeyRepository createPasskeys() {
            return new InMemoryPasskeyRepository();
        }

        @Override
        protected PasskeyUserRepository createUsers() {
            return new InMemoryPasskeyUserRepository();
        }

        @Override
        protected StorageTransaction createTransaction() {
            return StorageTransaction.NONE;
        }
    }

    @Nested
    class UsedChallenges extends UsedChallengeStoreContract {
        @Override
        protected UsedChallengeStore createStore() {
            return new InMemoryUsedChallengeStore();
        }
    }

    @Nested
    class Keys extends ChallengeKeysContract {
        @Override
        protected ChallengeKeys createKeys() {
            return new InMemoryChallengeKeys();
        }
    }

    @Nested
    class RecoveryCodes extends RecoveryCodeStoreContract {
        @Override
        protected RecoveryCodeStore createStore() {
            return new InMemoryRecoveryCodeStore();
        }
    }
}
