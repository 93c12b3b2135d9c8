package org.vaultsync.ui;

/** A page that names itself, for the heading and the browser tab title. */
public interface TitledView {
    String getTitle();
}
