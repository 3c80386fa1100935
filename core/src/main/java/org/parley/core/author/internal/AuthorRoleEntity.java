package org.parley.core.author.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.parley.core.author.Role;

/** An author's role on one site (absent means reader). Not part of the API. */
@Entity
@Table(name = "author_role")
public class AuthorRoleEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "author_id", nullable = false)
    private UUID authorId;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(nullable = false, length = 20)
    private String role;

    protected AuthorRoleEntity() {}

    public AuthorRoleEntity(UUID authorId, long siteId, Role role) {
        this.authorId = authorId;
        this.siteId = siteId;
        this.role = role.name();
    }

    public void change(Role newRole) {
        this.role = newRole.name();
    }

    public Role role() {
        return Role.valueOf(role);
    }
}
