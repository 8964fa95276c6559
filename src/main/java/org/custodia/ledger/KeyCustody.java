package org.custodia.ledger;

/**
 * Where the ledger's private signing keys are kept: never in the database. The default keeps one key file per key
 * under the data directory ({@link FileKeyCustody}); a deployment with an HSM or a cloud KMS provides its own bean
 * of this type (marked {@code @Primary}) that generates Ed25519 keys inside the device and signs there.
 */
public interface KeyCustody {
    /** A new key: its reference and its public key (X.509 SubjectPublicKeyInfo, DER). */
    record NewKey(String keyId, byte[] publicKey) {
    }

    /** Generates an Ed25519 key pair and keeps the private key; returns its reference and public key. */
    NewKey generate(String chain);

    /** Signs the bytes with the key; fails if the key is not (or no longer) held. */
    byte[] sign(String keyId, byte[] data);
}
