package io.cetus.client.json;

import java.lang.reflect.Constructor;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Builds objects made through a constructor with all their properties (records: every API type)
 * with {@link Constructor#newInstance}, whose accessor the JDK makes once per constructor, instead
 * of Jackson 3's {@code MethodHandle.invokeWithArguments}, which adapts the handle on every call.
 * Only Jackson's own {@link StdValueInstantiator} is replaced, by a copy of itself; when the
 * constructor throws, the object is made again the standard way, so the failure is reported exactly
 * as before.
 */
final class FastCreatorInstantiators extends JacksonModule {

  @Override
  public String getModuleName() {
    return "cetus-client-creators";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addValueInstantiators(
        new ValueInstantiators() {
          @Override
          public @Nullable ValueInstantiator findValueInstantiator(
              DeserializationConfig config, BeanDescription.Supplier description) {
            return null;
          }

          @Override
          public ValueInstantiator modifyValueInstantiator(
              DeserializationConfig config,
              BeanDescription.Supplier description,
              ValueInstantiator standard) {
            if (standard.getClass() == StdValueInstantiator.class
                && standard.getWithArgsCreator() instanceof AnnotatedConstructor creator
                && creator.getAnnotated().trySetAccessible()) {
              return new Instantiator((StdValueInstantiator) standard, creator.getAnnotated());
            }
            return standard;
          }
        });
  }

  /** The standard instantiator, calling the constructor through its reflective accessor. */
  static final class Instantiator extends StdValueInstantiator {

    private final Constructor<?> constructor;

    Instantiator(StdValueInstantiator standard, Constructor<?> constructor) {
      super(standard);
      this.constructor = constructor;
    }

    @Override
    public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
      try {
        return constructor.newInstance(arguments);
      } catch (ReflectiveOperationException | RuntimeException e) {
        // the standard way fails the same way, and reports it as Jackson does
        return super.createFromObjectWith(context, arguments);
      }
    }
  }
}
