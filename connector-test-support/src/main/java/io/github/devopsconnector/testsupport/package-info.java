/** HTTP plumbing shared by the clients' own tests. Not published. */
package io.github.devopsconnector.testsupport;
