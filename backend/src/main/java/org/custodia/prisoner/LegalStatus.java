package org.custodia.prisoner;

public enum LegalStatus {
    REMAND,
    SENTENCED,
    RELEASED
}
