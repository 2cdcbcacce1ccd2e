package org.owlet.organization;

/** The regions the coalition reports by. */
public enum Region {
    AFRICA, ASIA, EUROPE, NORTH_AMERICA, SOUTH_AMERICA, OCEANIA;

    /** Message key of the region's name in the organization bundle. */
    public String messageKey() {
        return "region_" + name().toLowerCase();
    }
}
