package io.github.devopsconnector.testing.junit5;

import io.github.devopsconnector.azuredevops.AzureDevOpsRestClientBuilder;
import io.github.devopsconnector.azuredevops.AzureDevOpsRestClient;
import io.github.devopsconnector.arm.DefenderConnectorClient;
import io.github.devopsconnector.arm.DefenderConnectorClientBuilder;
import io.github.devopsconnector.core.azuredevops.AzureDevOpsClient;
import io.github.devopsconnector.core.edit.InMemoryTenantRegistry;
import io.github.devopsconnector.core.edit.TenantRegistry;
import io.github.devopsconnector.testing.ArmSimulator;
import io.github.devopsconnector.testing.ArmSimulatorOptions;
import io.github.devopsconnector.testing.ArmSimulatorOrganization;
import io.github.devopsconnector.testing.AzureDevOpsSimulator;
import io.github.devopsconnector.testing.Estate;
import io.github.devopsconnector.testing.EstateFiles;
import io.github.devopsconnector.testing.Estates;
import io.github.devopsconnector.testing.VirtualTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs the Azure DevOps and Azure Resource Manager simulators of connector-testing around your tests, serving one
 * {@link Estate}, and hands them to the tests with clients already pointed at them.
 *
 * <p>Register it with {@code @RegisterExtension}. In a {@code static} field it starts the simulators once before
 * the class's first test and stops them after its last; in an instance field it starts fresh ones for every test
 * and stops them after it. Test and lifecycle methods then declare what they need as parameters:
 *
 * <table>
 *   <caption>Parameters the extension resolves</caption>
 *   <tr><th>type</th><th>what</th></tr>
 *   <tr><td>{@link AzureDevOpsSimulator}</td><td>the Azure DevOps simulator (faults, counters, its PAT)</td></tr>
 *   <tr><td>{@link ArmSimulator}</td><td>the Azure Resource Manager simulator</td></tr>
 *   <tr><td>{@link AzureDevOpsRestClient} or {@link AzureDevOpsClient}</td><td>the REST client, signed in to the
 *       Azure DevOps simulator with its PAT</td></tr>
 *   <tr><td>{@link DefenderConnectorClient}</td><td>the ARM client, signed in to the ARM simulator as
 *       {@link #armIdentity(String)}</td></tr>
 *   <tr><td>{@link Estate}</td><td>the estate both simulators serve</td></tr>
 *   <tr><td>{@link TenantRegistry} or {@link InMemoryTenantRegistry}</td><td>{@link Estates#tenantRegistry(Estate)}:
 *       the estate's {@code onboardedElsewhere} organizations held by another connector; one per start</td></tr>
 *   <tr><td>{@link VirtualTime}</td><td>with {@link #virtualTime()}: the time both clients wait in</td></tr>
 * </table>
 *
 * <pre>{@code
 * class OnboardingTest {
 *   @RegisterExtension
 *   static final SimulatorExtension simulators = SimulatorExtension.forEstateResource("/estates/contoso.json")
 *       .virtualTime();
 *
 *   @Test
 *   void retriesThrottledDiscovery(AzureDevOpsSimulator ado, AzureDevOpsClient client, VirtualTime time) {
 *     ado.failNext(AzureDevOpsSimulator.Route.PROJECTS, AzureDevOpsSimulator.Fault.THROTTLE, 2);
 *     Inventory inventory = InventoryDiscovery.builder().client(client).build()
 *         .discover(OrganizationSelection.allExisting());
 *     assertThat(inventory).isComplete();
 *   }
 * }
 * }</pre>
 *
 * <p>The JDK HTTP server behind the simulators waits about 40 ms for a delayed TCP acknowledgement on every
 * response unless the JVM runs with {@code -Dsun.net.httpserver.nodelay=true}, a setting the JDK reads once, when
 * the first server of the JVM starts. Loading this extension sets that system property to {@code true} when it is
 * not set at all, which takes effect only if no JDK HTTP server was started before in the JVM; set it in the test
 * JVM's arguments (Surefire's {@code argLine}) to be sure.
 *
 * <p>The extension is not meant to be shared between test classes; a static one serves the tests of its class
 * (and of {@code @Nested} classes) concurrently, an instance one serves one test.
 */
public final class SimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {

  /** The JDK reads it once, in a static initializer of its HTTP server, when the first server starts. */
  static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NODELAY_PROPERTY) == null) {
      System.setProperty(NODELAY_PROPERTY, "true");
    }
  }

  private static final List<Class<?>> RESOLVED = List.of(AzureDevOpsSimulator.class, ArmSimulator.class,
      AzureDevOpsRestClient.class, AzureDevOpsClient.class, DefenderConnectorClient.class, Estate.class,
      TenantRegistry.class, InMemoryTenantRegistry.class, VirtualTime.class);

  private final Function<Class<?>, Estate> estateSource;
  private final String estateDescription;
  private final List<Consumer<AzureDevOpsSimulator.Builder>> azureDevOpsSettings = new ArrayList<>();
  private final List<Consumer<ArmSimulator.Builder>> armSettings = new ArrayList<>();
  private final List<Consumer<ArmSimulatorOptions.Builder>> armOptionSettings = new ArrayList<>();
  private final List<Consumer<AzureDevOpsRestClientBuilder>> azureDevOpsClientSettings = new ArrayList<>();
  private final List<Consumer<DefenderConnectorClientBuilder>> armClientSettings = new ArrayList<>();
  private String armIdentity;
  private boolean virtualTime;

  private final Object lock = new Object();
  private Session session;
  private String owner;

  private SimulatorExtension(Function<Class<?>, Estate> estateSource, String estateDescription) {
    this.estateSource = estateSource;
    this.estateDescription = estateDescription;
  }

  /**
   * Serves an estate built in code (with {@link Estates#builder()} or {@code EstateGenerator}).
   *
   * @param estate the estate
   * @return the extension, to configure further
   */
  public static SimulatorExtension forEstate(Estate estate) {
    Objects.requireNonNull(estate, "estate");
    return new SimulatorExtension(testClass -> estate, "an estate built in code");
  }

  /**
   * Serves an estate file from the test's class path, read with {@link EstateFiles} when the simulators start,
   * such as {@code "/estates/contoso.json"} for {@code src/test/resources/estates/contoso.json}.
   *
   * @param resource the resource name, absolute (starting with {@code /}) or relative to the test class's package
   * @return the extension, to configure further
   */
  public static SimulatorExtension forEstateResource(String resource) {
    Objects.requireNonNull(resource, "resource");
    return new SimulatorExtension(testClass -> readResource(testClass, resource), "the estate file " + resource);
  }

  /**
   * Serves an estate file, read with {@link EstateFiles#read(Path)} when the simulators start.
   *
   * @param file the file
   * @return the extension, to configure further
   */
  public static SimulatorExtension forEstateFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new SimulatorExtension(testClass -> EstateFiles.read(file), "the estate file " + file);
  }

  /**
   * Configures the Azure DevOps simulator: faults, rate limit, latency, page sizes, tokens (see
   * {@link AzureDevOpsSimulator.Builder}).
   *
   * @param settings applied to the builder before each start
   * @return this extension
   */
  public SimulatorExtension azureDevOps(Consumer<AzureDevOpsSimulator.Builder> settings) {
    azureDevOpsSettings.add(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /**
   * Configures the ARM simulator: faults, latency, port, threads (see {@link ArmSimulator.Builder}), as
   * {@link #azureDevOps(Consumer)} does for the Azure DevOps simulator.
   *
   * @param settings applied to the builder before each start
   * @return this extension
   */
  public SimulatorExtension arm(Consumer<ArmSimulator.Builder> settings) {
    armSettings.add(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /**
   * Configures what the ARM simulator serves and how (see {@link ArmSimulatorOptions}). The options start with the
   * estate's organizations ({@link ArmSimulatorOrganization#fromEstate(Estate)}).
   *
   * @param settings applied to the options builder before each start
   * @return this extension
   */
  public SimulatorExtension armOptions(Consumer<ArmSimulatorOptions.Builder> settings) {
    armOptionSettings.add(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /**
   * Configures the Azure DevOps client the extension builds, after it set the endpoint, the PAT and, with
   * {@link #virtualTime()}, the clock and sleeper.
   *
   * @param settings applied to the client builder
   * @return this extension
   */
  public SimulatorExtension azureDevOpsClient(Consumer<AzureDevOpsRestClientBuilder> settings) {
    azureDevOpsClientSettings.add(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /**
   * Configures the ARM client the extension builds, after it set the endpoint, the credential and, with
   * {@link #virtualTime()}, the clock and sleeper.
   *
   * @param settings applied to the client builder
   * @return this extension
   */
  public SimulatorExtension armClient(Consumer<DefenderConnectorClientBuilder> settings) {
    armClientSettings.add(Objects.requireNonNull(settings, "settings"));
    return this;
  }

  /**
   * Who the ARM client signs in as ({@link ArmSimulator#credential(String)}). Default: the estate's user id.
   *
   * @param identityId the identity id
   * @return this extension
   * @throws IllegalArgumentException if the id is not one the ARM simulator accepts
   */
  public SimulatorExtension armIdentity(String identityId) {
    ArmSimulator.bearerToken(identityId);
    this.armIdentity = identityId;
    return this;
  }

  /**
   * Builds both clients with one {@link VirtualTime} (new for each start, also given to the ARM simulator as its
   * clock), so retries, rate-limit pauses and polls wait no real time; a test can ask for the {@link VirtualTime}
   * to see the waits.
   *
   * @return this extension
   */
  public SimulatorExtension virtualTime() {
    this.virtualTime = true;
    return this;
  }

  /**
   * The running Azure DevOps simulator, for fields and lifecycle methods.
   *
   * @return the simulator
   * @throws IllegalStateException if the simulators are not running
   */
  public AzureDevOpsSimulator azureDevOpsSimulator() {
    return running().azureDevOps;
  }

  /**
   * The running ARM simulator.
   *
   * @return the simulator
   * @throws IllegalStateException if the simulators are not running
   */
  public ArmSimulator armSimulator() {
    return running().arm;
  }

  /**
   * The Azure DevOps REST client signed in to the running simulator.
   *
   * @return the client
   * @throws IllegalStateException if the simulators are not running
   */
  public AzureDevOpsRestClient azureDevOpsClient() {
    return running().azureDevOpsClient;
  }

  /**
   * The ARM client signed in to the running ARM simulator.
   *
   * @return the client
   * @throws IllegalStateException if the simulators are not running
   */
  public DefenderConnectorClient armClient() {
    return running().armClient;
  }

  /**
   * The estate the running simulators serve.
   *
   * @return the estate
   * @throws IllegalStateException if the simulators are not running
   */
  public Estate estate() {
    return running().estate;
  }

  /**
   * The tenant registry of the running simulators ({@link Estates#tenantRegistry(Estate)}).
   *
   * @return the registry
   * @throws IllegalStateException if the simulators are not running
   */
  public InMemoryTenantRegistry tenantRegistry() {
    return running().tenantRegistry;
  }

  /**
   * The virtual time of the running clients.
   *
   * @return the virtual time
   * @throws IllegalStateException if the simulators are not running or {@link #virtualTime()} was not chosen
   */
  public VirtualTime time() {
    Session running = running();
    if (running.time == null) {
      throw new IllegalStateException("The clients wait in real time; call virtualTime() on the extension.");
    }
    return running.time;
  }

  /** Starts the simulators for the whole class when the extension is in a static field. */
  @Override
  public void beforeAll(ExtensionContext context) {
    startFor(context);
  }

  /** Stops what {@link #beforeAll} started. */
  @Override
  public void afterAll(ExtensionContext context) {
    stopFor(context);
  }

  /** Starts the simulators for one test when nothing runs for the class. */
  @Override
  public void beforeEach(ExtensionContext context) {
    startFor(context);
  }

  /** Stops what {@link #beforeEach} started. */
  @Override
  public void afterEach(ExtensionContext context) {
    stopFor(context);
  }

  /** Whether the parameter is one of the types in the class description. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return RESOLVED.contains(type) && (type != VirtualTime.class || virtualTime);
  }

  /** The running simulator, client, estate, registry or virtual time the parameter asks for. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Session running;
    synchronized (lock) {
      running = session;
    }
    Class<?> type = parameter.getParameter().getType();
    if (running == null) {
      throw new ParameterResolutionException("The simulators are not running when " + type.getSimpleName()
          + " is needed by " + parameter.getDeclaringExecutable() + ": an extension in an instance field starts "
          + "them before each test, so constructors cannot have them; use a static field to share them.");
    }
    if (type == AzureDevOpsSimulator.class) {
      return running.azureDevOps;
    } else if (type == ArmSimulator.class) {
      return running.arm;
    } else if (type == AzureDevOpsRestClient.class || type == AzureDevOpsClient.class) {
      return running.azureDevOpsClient;
    } else if (type == DefenderConnectorClient.class) {
      return running.armClient;
    } else if (type == Estate.class) {
      return running.estate;
    } else if (type == TenantRegistry.class || type == InMemoryTenantRegistry.class) {
      return running.tenantRegistry;
    } else {
      return running.time;
    }
  }

  /** What the extension serves, and whether it is running. */
  @Override
  public String toString() {
    synchronized (lock) {
      return "SimulatorExtension[" + estateDescription + ", " + (session == null ? "stopped" : session) + "]";
    }
  }

  private Session running() {
    synchronized (lock) {
      if (session == null) {
        throw new IllegalStateException("The simulators are not running: they run during the tests of the class "
            + "(static field) or during each test (instance field).");
      }
      return session;
    }
  }

  private void startFor(ExtensionContext context) {
    synchronized (lock) {
      if (session != null) {
        return;
      }
      session = start(context.getRequiredTestClass());
      owner = context.getUniqueId();
    }
  }

  private void stopFor(ExtensionContext context) {
    Session toClose;
    synchronized (lock) {
      if (session == null || !context.getUniqueId().equals(owner)) {
        return;
      }
      toClose = session;
      session = null;
      owner = null;
    }
    toClose.close();
  }

  private Session start(Class<?> testClass) {
    Estate estate = estateSource.apply(testClass);
    VirtualTime time = virtualTime ? VirtualTime.start() : null;
    AzureDevOpsSimulator.Builder adoBuilder = AzureDevOpsSimulator.builder(estate);
    azureDevOpsSettings.forEach(settings -> settings.accept(adoBuilder));
    ArmSimulatorOptions.Builder armOptions = ArmSimulatorOptions.builder()
        .addAllOrganizations(ArmSimulatorOrganization.fromEstate(estate));
    if (time != null) {
      armOptions.clock(time.clock());
    }
    armOptionSettings.forEach(settings -> settings.accept(armOptions));
    ArmSimulator.Builder armBuilder = ArmSimulator.builder().options(armOptions.build());
    armSettings.forEach(settings -> settings.accept(armBuilder));
    AzureDevOpsSimulator ado = adoBuilder.build().start();
    ArmSimulator arm;
    try {
      arm = armBuilder.build().start();
    } catch (RuntimeException e) {
      ado.close();
      throw e;
    }
    try {
      AzureDevOpsRestClientBuilder adoClient = new AzureDevOpsRestClientBuilder()
          .endpoint(ado.endpoint())
          .personalAccessToken(ado.personalAccessToken());
      DefenderConnectorClientBuilder armClient = new DefenderConnectorClientBuilder()
          .endpoint(arm.endpoint())
          .credential(ArmSimulator.credential(armIdentity != null ? armIdentity : estate.user().id()));
      if (time != null) {
        adoClient.clock(time.clock()).sleeper(time.sleeper());
        armClient.clock(time.clock()).sleeper(time.sleeper());
      }
      azureDevOpsClientSettings.forEach(settings -> settings.accept(adoClient));
      armClientSettings.forEach(settings -> settings.accept(armClient));
      return new Session(estate, ado, arm, adoClient.buildClient(), armClient.buildClient(),
          Estates.tenantRegistry(estate), time);
    } catch (RuntimeException e) {
      arm.close();
      ado.close();
      throw e;
    }
  }

  private static Estate readResource(Class<?> testClass, String resource) {
    InputStream stream = testClass.getResourceAsStream(resource);
    if (stream == null) {
      throw new IllegalStateException("No estate file " + resource + " on the class path of " + testClass.getName()
          + (resource.startsWith("/") ? "" : " (relative names are resolved in the test class's package)") + ".");
    }
    try (stream) {
      return EstateFiles.read(stream);
    } catch (IOException e) {
      throw new UncheckedIOException("The estate file " + resource + " could not be read.", e);
    }
  }

  /** What runs for one class or test. */
  private static final class Session {
    final Estate estate;
    final AzureDevOpsSimulator azureDevOps;
    final ArmSimulator arm;
    final AzureDevOpsRestClient azureDevOpsClient;
    final DefenderConnectorClient armClient;
    final InMemoryTenantRegistry tenantRegistry;
    final VirtualTime time;

    Session(Estate estate, AzureDevOpsSimulator azureDevOps, ArmSimulator arm,
        AzureDevOpsRestClient azureDevOpsClient, DefenderConnectorClient armClient,
        InMemoryTenantRegistry tenantRegistry, VirtualTime time) {
      this.estate = estate;
      this.azureDevOps = azureDevOps;
      this.arm = arm;
      this.azureDevOpsClient = azureDevOpsClient;
      this.armClient = armClient;
      this.tenantRegistry = tenantRegistry;
      this.time = time;
    }

    /** Closes the clients (their threads and connections), then stops the simulators. */
    void close() {
      try {
        try {
          azureDevOpsClient.close();
        } finally {
          armClient.close();
        }
      } finally {
        try {
          arm.close();
        } finally {
          azureDevOps.close();
        }
      }
    }

    @Override
    public String toString() {
      return "running at " + azureDevOps.endpoint() + " and " + arm.endpoint();
    }
  }
}
